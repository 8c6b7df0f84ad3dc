package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fwcts.reports.StoredRun;
import org.fwcts.reports.TestRecord;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Two fwcts runs given one output folder (boots real QEMU)")
class ConcurrentRunSelfTests {
    @TempDir
    Path temp;

    @Test
    @DisplayName("started together, one runs and the other is refused; resuming the folder while it runs is refused too")
    void oneRunPerFolder() throws Exception {
        Path runDir = temp.resolve("run");
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(fwcts(temp.resolve("out-" + i + ".txt"), "run", "--progress", "plain", "--output", runDir.toString()));
        }
        try {
            RunWatch.until(() -> !runs.stream().allMatch(Process::isAlive), () -> true);
            Process refused = runs.stream().filter(p -> !p.isAlive()).findFirst().orElseThrow();
            Process running = runs.get(1 - runs.indexOf(refused));
            String refusal = RunWatch.printed(temp.resolve("out-" + runs.indexOf(refused) + ".txt"));
            assertThat(refused.exitValue()).as(refusal).isEqualTo(2);
            assertThat(refusal).contains("the run folder exists already").doesNotContain("PASSED");

            assertThat(running.isAlive()).as("the first run is still going").isTrue();
            while (!Files.exists(runDir.resolve(RunInvocation.FILE)) && running.isAlive()) {
                Thread.sleep(20);
            }
            CliRun resume = CliRun.of("run", "--resume", runDir.toString());
            assertThat(resume.exitCode()).isEqualTo(2);
            assertThat(resume.err()).contains("another fwcts run is writing into this folder");

            assertThat(running.waitFor(RunWatch.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(running.exitValue()).as("the default target's one known failure").isEqualTo(1);
        } finally {
            runs.forEach(Process::destroyForcibly);
        }
        List<String> ids = StoredRun.read(runDir).records().stream().map(TestRecord::id).toList();
        assertThat(ids).as("no test recorded twice").doesNotHaveDuplicates();
        RunOutputs.read(runDir).assertAgree();
    }

    private static Process fwcts(Path out, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Dfwcts.home=" + ProjectLayout.discover().root(),
                "-cp", System.getProperty("java.class.path"), FwctsCommand.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(out.toFile()).redirectErrorStream(true).start();
    }
}
