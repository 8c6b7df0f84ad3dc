package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code fwcts explore} on the simulated RMM under both ABIs (TF-RMM v0.8.0's RMI 1.0 and v0.9.0's
 * RMI 2.0): with seed 1 and the default budget it finds each named RMM deviation, exits 1 and
 * shrinks it to at most 6 calls; the conforming simulations run their budget without a divergence;
 * a saved RMM scenario fails {@code fwcts run --tag scenario} on the deviating target and passes on
 * the conforming one; an area of the other interface is one clear error.
 */
@DisplayName("fwcts explore on the simulated RMM")
class ExploreRmmSelfTests {
    private static final String[] TARGETS = {"simulated-rmm", "simulated-rmm-v0.9"};

    @TempDir
    static Path temp;

    /** A copy of targets/{@code target}.yaml named {@code name} that injects {@code deviation} (none when null). */
    static Path descriptor(String target, String name, String deviation) throws IOException {
        String original = Files.readString(ProjectLayout.discover().targetsDir().resolve(target + ".yaml"));
        String text = original.replace("name: " + target + "\n", "name: " + name + "\n");
        if (deviation != null) {
            text = text.replace("\nffa:", "\nsimulated:\n  deviations: [\"" + deviation + "\"]\nffa:");
        }
        return Files.writeString(temp.resolve(name + ".yaml"), text);
    }

    static Stream<Arguments> deviations() {
        return Stream.of(TARGETS).flatMap(target -> Stream.of("wrong-error-order", "delegate-leaves-accessible",
                "ripas-not-applied", "unprotected-exit-without-top-bit", "wrong-rec-exit-reason",
                "measurement-not-extended", "attest-wrong-token-bound").map(d -> Arguments.of(target, d)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deviations")
    @DisplayName("finds each named RMM deviation with seed 1 in the default budget, exits 1 and shrinks it to at most 6 calls")
    void findsDeviation(String target, String deviation) throws IOException {
        String name = target + "-explore-" + deviation;
        Path runDir = temp.resolve("run-" + name);
        ExploreSelfTests.findsAndShrinks(descriptor(target, name, deviation), runDir);
    }

    static Stream<String> targets() {
        return Stream.of(TARGETS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    @DisplayName("the conforming simulation runs its whole budget without a divergence, RMI and RSI rules covered")
    void conforming(String target) throws IOException {
        Path runDir = temp.resolve("run-conforming-" + target);
        CliRun run = CliRun.of("explore", "-t", descriptor(target, target + "-conforming", null).toString(), "--seed",
                "1", "-o", runDir.toString(), "--progress", "plain");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("NO DIVERGENCE").containsPattern("3,0\\d\\d checked calls")
                .contains("RMM.REALM.CREATE").contains("RMM.REC.CREATE").contains("RMM.RTT.INIT_RIPAS")
                .contains("RMM.RSI.ATTEST").contains("RMM.RSI.MEASUREMENT").contains("RMM.GRANULE.PAS");
    }

    @Test
    @DisplayName("a saved RMM scenario fails fwcts run --tag scenario on the deviating target and passes on the conforming one")
    void scenarioReplays() throws IOException {
        Path deviating = descriptor("simulated-rmm", "rmm-scenario-deviating", "measurement-not-extended");
        Path saved = temp.resolve("saved-rmm-scenarios");
        CliRun explore = CliRun.of("explore", "-t", deviating.toString(), "--seed", "1", "-o",
                temp.resolve("run-rmm-scenario-explore").toString(), "--save-scenarios", saved.toString(),
                "--progress", "plain");
        assertThat(explore.exitCode()).as(explore.out() + explore.err()).isEqualTo(1);
        assertThat(ExploreSelfTests.ScenarioFolder.files(saved)).hasSize(1);

        CliRun failing = CliRun.of("run", "-t", deviating.toString(), "--tag", "scenario", "--scenarios", saved.toString(),
                "-o", temp.resolve("run-rmm-scenario-deviating").toString(), "--progress", "plain");
        assertThat(failing.exitCode()).as(failing.out() + failing.err()).isEqualTo(1);
        assertThat(failing.out()).contains("FAILED=1").contains("RMM.RSI.MEASUREMENT");

        CliRun passing = CliRun.of("run", "-t", descriptor("simulated-rmm", "rmm-scenario-conforming", null).toString(),
                "--tag", "scenario", "--scenarios", saved.toString(), "-o",
                temp.resolve("run-rmm-scenario-conforming").toString(), "--progress", "plain");
        assertThat(passing.exitCode()).as(passing.out() + passing.err()).isZero();
        assertThat(passing.out()).contains("PASSED=1");
    }

    @Test
    @DisplayName("an RMM area on an FF-A target, or an FF-A area on an RMM target, is one clear error naming --area, exit 2")
    void areaOfTheOtherInterface() throws IOException {
        CliRun onFfa = CliRun.of("explore", "-t", descriptor("simulated-tfa", "explore-rmm-area", null).toString(),
                "--area", "memory,granule");
        assertThat(onFfa.exitCode()).isEqualTo(2);
        assertThat(onFfa.err()).contains("--area: area 'granule' needs RMI calls from the host and RSI calls from realms"
                + " to an RMM").contains("has no such endpoint").contains("nothing was booted");

        CliRun onRmm = CliRun.of("explore", "-t", descriptor("simulated-rmm", "explore-ffa-area", null).toString(),
                "--area", "rsi,memory");
        assertThat(onRmm.exitCode()).isEqualTo(2);
        assertThat(onRmm.err()).contains("--area: area 'memory' needs the normal world and partitions of an FF-A system")
                .contains("its areas: granule, realm").contains("nothing was booted");
    }
}
