package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fwcts.reports.StoredRun;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("fwcts run interrupted by Ctrl-C (SIGINT) or SIGTERM")
class InterruptSelfTests {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    @DisplayName("stops QEMU, exits 2 and writes a summary saying the run was interrupted")
    void signalStopsQemu(String signal) throws Exception {
        Path runDir = temp.resolve("run-" + signal);
        String java = ProcessHandle.current().info().command().orElse("java");
        // A shell that starts a job in the background has it ignore SIGINT, and the child would
        // inherit that: env restores the default, as a terminal's Ctrl-C finds it.
        Process fwcts = new ProcessBuilder(List.of("env", "--default-signal=INT", java, "-Dfwcts.home=" + ProjectLayout.discover().root(),
                "-cp", System.getProperty("java.class.path"), FwctsCommand.class.getName(),
                // One boot per test keeps the run going well past the signal, however fast the rest is.
                "run", "--boot-per-test", "--output", runDir.toString())).redirectErrorStream(true).start();
        List<ProcessHandle> emulators;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(fwcts.getInputStream()))) {
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null && !line.contains("booted")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("fwcts never reported the boot; it printed:%n%s", seen).isNotNull();
            emulators = fwcts.descendants().filter(p -> p.info().command().orElse("").contains("qemu")).toList();
            assertThat(emulators).isNotEmpty();
            new ProcessBuilder("kill", "-" + signal, Long.toString(fwcts.pid())).start().waitFor();
            assertThat(fwcts.waitFor(RunWatch.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        assertThat(fwcts.exitValue()).as("the README's exit code for a run without a verdict").isEqualTo(2);
        JsonNode summary = new ObjectMapper().readTree(runDir.resolve(StoredRun.SUMMARY).toFile());
        assertThat(summary.get("verdict").asText()).isEqualTo("ERROR");
        assertThat(summary.get("runError").asText()).contains("interrupted by SIG" + signal).contains("--resume");
        for (ProcessHandle emulator : emulators) {
            emulator.onExit().get(RunWatch.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(emulator.isAlive()).isFalse();
        }
    }
}
