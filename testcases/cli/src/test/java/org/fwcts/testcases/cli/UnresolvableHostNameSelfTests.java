package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fwcts.targets.Executables;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run where the machine's host name does not resolve and the resolver never answers takes as
 * long as a normal run: nothing on the run's path asks the name service. Needs root (a UTS,
 * network and mount namespace give the run its own host name and resolver).
 */
@DisplayName("fwcts run with a host name that does not resolve (boots real QEMU)")
class UnresolvableHostNameSelfTests {
    private static final Pattern LOOKUP = Pattern.compile("host name lookup took (\\d+) ms");
    /** What share of one-lookup-per-test's stall the run may show before it counts as waiting for the resolver. */
    private static final double MAX_STALL_SHARE = 0.25;

    @TempDir
    Path temp;

    @Test
    @DisplayName("takes no longer than a normal run (wall-time ratio printed)")
    void runDoesNotWaitForTheResolver() throws Exception {
        assumeTrue(ProcessHandle.current().info().user().orElse("").equals("root"),
                "needs root for unshare --uts --net --mount");
        assumeTrue(List.of("unshare", "socat", "ip", "getent").stream().allMatch(t -> Executables.find(t).isPresent()),
                "needs unshare, socat, ip and getent");
        Path script = temp.resolve("unresolvable-host.sh");
        try (InputStream in = getClass().getResourceAsStream("unresolvable-host.sh")) {
            Files.copy(in, script);
        }

        Timed normal = run(List.of(), temp.resolve("normal"));
        List<String> namespaced = List.of("unshare", "--uts", "--net", "--mount", "bash", script.toString(), temp.toString());
        Timed unresolvable = run(namespaced, temp.resolve("unresolvable"));

        Matcher lookup = LOOKUP.matcher(unresolvable.output());
        assertThat(lookup.find()).as(unresolvable.output()).isTrue();
        double lookupSeconds = Long.parseLong(lookup.group(1)) / 1000.0;
        assertThat(lookupSeconds).as("a host name lookup waits for the resolver").isGreaterThanOrEqualTo(0.9);
        double ratio = unresolvable.seconds() / normal.seconds();
        double perTestStall = normal.tests() * lookupSeconds;
        System.out.printf("unresolvable host name: run %.1f s, normal run %.1f s, ratio %.2f (%d tests; one lookup per"
                + " test would add %.0f s)%n", unresolvable.seconds(), normal.seconds(), ratio, normal.tests(), perTestStall);
        assertThat(unresolvable.tests()).isEqualTo(normal.tests());
        // Wall times on a shared machine vary by seconds; a lookup per test would add a stall per test.
        assertThat(unresolvable.seconds() - normal.seconds()).as(unresolvable.output())
                .isLessThan(perTestStall * MAX_STALL_SHARE);
    }

    /** Runs the PSCI tests in a child JVM, behind {@code prefix}; returns its wall time and test count. */
    private Timed run(List<String> prefix, Path runDir) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(java, "-Dfwcts.home=" + ProjectLayout.discover().root(), "-cp",
                System.getProperty("java.class.path"), FwctsCommand.class.getName(), "run", "--tag", "psci",
                "--progress", "plain", "--output", runDir.toString()));
        Path log = temp.resolve(runDir.getFileName() + ".txt");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the run ended").isTrue();
        } finally {
            process.destroyForcibly();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();
        JsonNode summary = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
        return new Timed(seconds, summary.get("tests").size(), output);
    }

    private record Timed(double seconds, int tests, String output) {
    }
}
