package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The fwcts command line")
class CommandLineSelfTests {

    @Test
    @DisplayName("without a command prints the usage to the error stream and exits 2")
    void noCommand() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: fwcts").contains("run").contains("selftest");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @DisplayName("--help lists the CLI's commands and the script's: selftest, build and bench-model")
    void helpListsEveryCommand() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("run").contains("bench").contains("doctor").contains("selftest").contains("build")
                .contains("bench-model").contains("Exit codes");
    }

    @Test
    @DisplayName("a command named first is built alone, with the usage it has among all the others")
    void commandBuiltAlone() {
        for (Class<?> command : FwctsCommand.SUBCOMMANDS) {
            String name = command.getAnnotation(picocli.CommandLine.Command.class).name();
            picocli.CommandLine alone = FwctsCommand.commandLine(name, "--help");
            assertThat(alone.getSubcommands()).containsOnlyKeys(name);
            assertThat(alone.getSubcommands().get(name).getUsageMessage()).as(name)
                    .isEqualTo(FwctsCommand.commandLine("--help").getSubcommands().get(name).getUsageMessage());
        }
        assertThat(FwctsCommand.commandLine("--version").getSubcommands()).hasSize(FwctsCommand.SUBCOMMANDS.size());
    }

    @Test
    @DisplayName("a mistyped command is refused, naming the command it may have meant")
    void mistypedCommand() {
        CliRun run = CliRun.of("rnu", "--tag", "psci");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'rnu'").contains("run");
    }

    @Test
    @DisplayName("doctor with an unknown target says so once")
    void doctorUnknownTargetOnce() {
        CliRun run = CliRun.of("doctor", "--target", "nosuch");
        assertThat(run.exitCode()).isEqualTo(2);
        String text = run.out() + run.err();
        assertThat(text.split("unknown target 'nosuch'", -1)).as(text).hasSize(2);
        assertThat(text).contains("1 problem(s) found");
    }

    @Test
    @DisplayName("does not take a target's waiver file for a target")
    void waiverFileIsNoTarget() {
        CliRun run = CliRun.of("run", "--target", "nosuch");
        assertThat(run.err()).contains("qemu-virt").contains("qemu-virt-tcp").doesNotContain("waivers");
    }

    @Test
    @DisplayName("bench (boots real QEMU) prints the spread and the line-rate share and leaves nothing in the temporary directory")
    void benchCleansUp(@TempDir Path tmp) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = Files.createTempFile("bench", ".txt");
        try {
            // A child JVM with its own temporary directory, so other programs' files there do not count.
            Process bench = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-Dfwcts.home=" + ProjectLayout.discover().root(),
                    "-cp", System.getProperty("java.class.path"), FwctsCommand.class.getName(), "bench", "--calls", "20")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertThat(bench.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String text = Files.readString(out);
            assertThat(bench.exitValue()).as(text).isZero();
            assertThat(text).contains("echo/smc pairs (alternating)").containsPattern("median \\d+\\.\\d\\d, p10 \\d+\\.\\d\\d, p90")
                    .containsPattern("= \\d+ % of line rate");
        } finally {
            Files.delete(out);
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }
}
