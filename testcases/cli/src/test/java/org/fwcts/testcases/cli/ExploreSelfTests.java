package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code fwcts explore} on the simulated FF-A target: with seed 1 and the default budget it finds
 * each named deviation, exits 1 and shrinks it to at most 6 calls; the conforming simulation runs
 * its budget without a divergence; the saved scenario fails {@code fwcts run --tag scenario} on the
 * deviating target and passes on the conforming one; bad input is one clear error.
 */
@DisplayName("fwcts explore on the simulated FF-A target")
class ExploreSelfTests {
    private static final Pattern SHRUNK = Pattern.compile("shrunk to (\\d+) calls");

    @TempDir
    static Path temp;

    /** A copy of targets/simulated-tfa.yaml named {@code name} that injects {@code deviation} (none when null). */
    static Path descriptor(String name, String deviation) throws IOException {
        String original = Files.readString(ProjectLayout.discover().targetsDir().resolve("simulated-tfa.yaml"));
        String text = original.replace("name: simulated-tfa", "name: " + name);
        if (deviation != null) {
            text = text.replace("\nffa:", "\nsimulated:\n  deviations: [\"" + deviation + "\"]\nffa:");
        }
        return Files.writeString(temp.resolve(name + ".yaml"), text);
    }

    static Stream<String> deviations() {
        return Stream.of("wrong-error:FFA_RXTX_MAP:DENIED:BUSY", "execute-on-not-specified", "wrong-partition-id",
                "rwx-after-reclaim", "relinquish-not-held");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviations")
    @DisplayName("finds each named deviation with seed 1 in the default budget, exits 1 and shrinks it to at most 6 calls")
    void findsDeviation(String deviation) throws IOException {
        String name = "explore-" + deviation.replace(':', '-').toLowerCase();
        Path runDir = temp.resolve("run-" + name);
        findsAndShrinks(descriptor(name, deviation), runDir);
        assertThat(Files.readString(runDir.resolve("explore.md"))).contains("shrunk to");
    }

    @Test
    @DisplayName("the conforming simulation runs its whole budget without a divergence and lists the rules covered")
    void conforming() throws IOException {
        Path runDir = temp.resolve("run-conforming");
        CliRun run = CliRun.of("explore", "-t", descriptor("explore-conforming", null).toString(), "--seed", "1",
                "-o", runDir.toString(), "--progress", "plain");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("NO DIVERGENCE").containsPattern("3,0\\d\\d checked calls")
                .contains("Rules covered").contains("FFA.MEM.RECLAIM").contains("FFA.RXTX_MAP");
        // Workers take chunks of sequences as they come free: the boot of sequence 1 may be in any worker's history.
        StringBuilder histories = new StringBuilder();
        try (java.util.stream.Stream<Path> files = Files.walk(runDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("calls.jsonl")).toList()) {
                histories.append(Files.readString(file));
            }
        }
        assertThat(histories).contains("explore sequence 1");
    }

    @Test
    @DisplayName("a saved scenario fails fwcts run --tag scenario on the deviating target and passes on the conforming one")
    void scenarioReplays() throws IOException {
        Path deviating = descriptor("scenario-deviating", "wrong-partition-id");
        Path exploreDir = temp.resolve("run-scenario-explore");
        Path saved = temp.resolve("saved-scenarios");
        CliRun explore = CliRun.of("explore", "-t", deviating.toString(), "--seed", "1", "-o", exploreDir.toString(),
                "--save-scenarios", saved.toString(), "--progress", "plain");
        assertThat(explore.exitCode()).as(explore.out() + explore.err()).isEqualTo(1);
        assertThat(ScenarioFolder.files(saved)).hasSize(1);

        CliRun failing = CliRun.of("run", "-t", deviating.toString(), "--tag", "scenario", "--scenarios", saved.toString(),
                "-o", temp.resolve("run-scenario-deviating").toString(), "--progress", "plain");
        assertThat(failing.exitCode()).as(failing.out() + failing.err()).isEqualTo(1);
        assertThat(failing.out()).contains("FAILED=1").contains("FFA.ID_GET");

        CliRun passing = CliRun.of("run", "-t", descriptor("scenario-conforming", null).toString(), "--tag", "scenario",
                "--scenarios", saved.toString(), "-o", temp.resolve("run-scenario-conforming").toString(),
                "--progress", "plain");
        assertThat(passing.exitCode()).as(passing.out() + passing.err()).isZero();
        assertThat(passing.out()).contains("PASSED=1");
    }

    @Test
    @DisplayName("an unknown area, a negative budget or an unreadable scenario file is one clear error, exit 2")
    void badInput() throws IOException {
        String target = descriptor("explore-bad-input", null).toString();
        CliRun area = CliRun.of("explore", "-t", target, "--area", "memory,mailbox");
        assertThat(area.exitCode()).isEqualTo(2);
        assertThat(area.err()).contains("--area: unknown area 'mailbox'").contains("known: discovery, rxtx");

        CliRun calls = CliRun.of("explore", "-t", target, "--calls", "-5");
        assertThat(calls.exitCode()).isEqualTo(2);
        assertThat(calls.err()).contains("--calls: -5 is not a number of calls");

        CliRun time = CliRun.of("explore", "-t", target, "--time", "-10m");
        assertThat(time.exitCode()).isEqualTo(2);
        assertThat(time.err()).contains("--time: '-10m' is not a positive duration");

        Path bad = Files.createDirectories(temp.resolve("bad-scenarios"));
        Files.writeString(bad.resolve("broken.yaml"), "name: broken\nsteps:\n  - area: memory\n    kind: send\n"
                + "    caller: \"0xZZ\"\n");
        CliRun scenario = CliRun.of("run", "-t", target, "--tag", "scenario", "--scenarios", bad.toString());
        assertThat(scenario.exitCode()).isEqualTo(2);
        assertThat(scenario.err()).contains("broken.yaml: steps[0].caller: '0xZZ' is not a 16-bit endpoint ID");

        Files.writeString(bad.resolve("broken.yaml"), "name: [unclosed\n");
        CliRun unreadable = CliRun.of("run", "-t", target, "--tag", "scenario", "--scenarios", bad.toString());
        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.err()).contains("broken.yaml: cannot be read as a scenario");
        assertThat(Files.exists(temp.resolve("run-bad"))).isFalse();
    }

    /** The scenario files in a folder. */
    /**
     * Explores the simulated target {@code descriptor} (which carries one deviation) with seed 1 and
     * its default budget into {@code runDir}: exit 1, a target deviation, shrunk to at most 6 calls,
     * and a scenario saved.
     */
    static CliRun findsAndShrinks(Path descriptor, Path runDir) throws IOException {
        CliRun run = CliRun.of("explore", "-t", descriptor.toString(), "--seed", "1", "-o", runDir.toString(),
                "--progress", "plain");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("DIVERGENCE 1:").contains("— target deviation")
                .contains("SIMULATED target, not a conformance result");
        Matcher shrunk = SHRUNK.matcher(run.out());
        assertThat(shrunk.find()).as("a 'shrunk to N calls' line in\n" + run.out()).isTrue();
        assertThat(Integer.parseInt(shrunk.group(1))).isBetween(1, 6);
        assertThat(ScenarioFolder.files(runDir.resolve("scenarios"))).isNotEmpty();
        return run;
    }

    static final class ScenarioFolder {
        static List<Path> files(Path folder) throws IOException {
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(f -> f.toString().endsWith(".yaml")).toList();
            }
        }
    }
}
