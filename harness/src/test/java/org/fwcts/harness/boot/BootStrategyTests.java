package org.fwcts.harness.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fwcts.harness.console.Transcript;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.DescriptorLoader;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The boot strategy driven outside JUnit's test lifecycle, on the in-process simulated target. */
@DisplayName("The boot strategy")
class BootStrategyTests {
    @TempDir
    Path temp;

    private final List<String> events = new ArrayList<>();

    private final TargetReservation reservation = new TargetReservation() {
        @Override
        public void acquire() {
            events.add("acquire");
        }

        @Override
        public void release() {
            events.add("release");
        }
    };

    private static TargetDescriptor simulated() {
        return DescriptorLoader.load(ProjectLayout.discover().targetsDir().resolve("simulated-tfa.yaml"));
    }

    private static TargetLauncher simulatedLauncher() {
        return org.fwcts.targets.Launchers.forTarget(simulated(), ProjectLayout.discover());
    }

    private BootStrategy strategy(TargetLauncher launcher) {
        return new BootStrategy(simulated(), launcher, Transcript.inMemory(), n -> temp.resolve("work-" + n),
                reservation, (number, reason, session) -> events.add("boot " + number + ": " + reason));
    }

    @Test
    @DisplayName("boots on first use, boots afresh on request, and reserves the target once for the run")
    void freshBoots() {
        try (BootStrategy boots = strategy(simulatedLauncher())) {
            assertThat(boots.state()).isEqualTo(BootState.OFF);
            var first = boots.session();
            assertThat(boots.state()).isEqualTo(BootState.AGENT_READY);
            assertThat(boots.session()).isSameAs(first);
            var second = boots.freshBoot("a sequence needs a fresh boot");
            assertThat(second).isNotSameAs(first);
            assertThat(boots.reasons()).containsExactly("first test", "a sequence needs a fresh boot");
        }
        assertThat(events).containsExactly("acquire", "boot 1: first test", "boot 2: a sequence needs a fresh boot",
                "release");
    }

    @Test
    @DisplayName("after the target fails, relaunches on next use with the failure as the reason")
    void recovers() {
        try (BootStrategy boots = strategy(simulatedLauncher())) {
            boots.session();
            boots.failed("test X", "the agent stopped answering");
            assertThat(boots.state()).isEqualTo(BootState.OFF);
            assertThat(boots.current()).isEmpty();
            boots.session();
            assertThat(boots.reasons().get(1)).startsWith("recovery after the target failed in test X");
            assertThat(boots.failures()).containsExactly("test X: the agent stopped answering");
        }
    }

    @Test
    @DisplayName("gives the target up when every relaunch fails, and refuses to boot it again")
    void givesUp() {
        TargetLauncher simulated = simulatedLauncher();
        int[] launches = {0};
        TargetLauncher failsAfterFirst = (descriptor, workDir) -> {
            if (launches[0]++ > 0) {
                throw new TargetException("the board's power switch does not answer");
            }
            return simulated.launch(descriptor, workDir);
        };
        try (BootStrategy boots = strategy(failsAfterFirst)) {
            boots.session();
            boots.failed("test Y", "hung");
            assertThatThrownBy(boots::session).isInstanceOf(TargetGivenUp.class)
                    .hasMessageContaining("relaunch attempt(s) failed; last: the board's power switch does not answer");
            assertThat(boots.state()).isEqualTo(BootState.GIVEN_UP);
            assertThatThrownBy(() -> boots.freshBoot("again")).isInstanceOf(TargetGivenUp.class);
        }
        assertThat(events).endsWith("release");
    }

    @Test
    @DisplayName("a boot started ahead launches on another thread and is taken over by the first session")
    void bootAhead() {
        TargetLauncher simulated = simulatedLauncher();
        List<String> launchers = new ArrayList<>();
        TargetLauncher recording = (descriptor, workDir) -> {
            launchers.add(Thread.currentThread().getName() + " " + workDir.getFileName());
            return simulated.launch(descriptor, workDir);
        };
        try (BootStrategy boots = strategy(recording)) {
            boots.bootAhead();
            assertThat(boots.state()).isEqualTo(BootState.OFF);
            var first = boots.session();
            assertThat(boots.state()).isEqualTo(BootState.AGENT_READY);
            assertThat(boots.session()).isSameAs(first);
            assertThat(boots.times()).hasSize(1);
            boots.freshBoot("the next test needs a fresh boot");
        }
        assertThat(launchers).hasSize(2);
        assertThat(launchers.get(0)).isEqualTo("fwcts-boot-ahead work-1");
        assertThat(launchers.get(1)).doesNotStartWith("fwcts-boot-ahead").endsWith("work-2");
        assertThat(events).containsExactly("acquire", "boot 1: first test", "boot 2: the next test needs a fresh boot",
                "release");
    }

    @Test
    @DisplayName("a boot started ahead that fails is thrown at the first session, as a boot there would throw it")
    void bootAheadFails() {
        TargetLauncher failing = (descriptor, workDir) -> {
            throw new TargetException("no emulator at /nowhere");
        };
        try (BootStrategy boots = strategy(failing)) {
            boots.bootAhead();
            assertThatThrownBy(boots::session).isInstanceOf(TargetException.class).hasMessage("no emulator at /nowhere");
            assertThat(boots.state()).isEqualTo(BootState.FAILED);
            assertThat(boots.reasons()).isEmpty();
        }
        assertThat(events).containsExactly("acquire", "release");
    }

    @Test
    @DisplayName("a boot started ahead and never used is stopped when the run closes")
    void bootAheadUnused() {
        TargetLauncher simulated = simulatedLauncher();
        List<org.fwcts.targets.RunningTarget> launched = new ArrayList<>();
        TargetLauncher recording = (descriptor, workDir) -> {
            var target = simulated.launch(descriptor, workDir);
            launched.add(target);
            return target;
        };
        try (BootStrategy boots = strategy(recording)) {
            boots.bootAhead();
        }
        assertThat(launched).hasSize(1);
        assertThat(launched.get(0).isAlive()).isFalse();
        assertThat(events).containsExactly("acquire", "release");
    }
}
