package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

@DisplayName("The selection read before the command line is parsed")
class EarlySelectionSelfTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "run",
        "run --tag ffa",
        "run --tag=ffa --tag psci|smccc --test Version -t qemu-tfa --progress plain",
        "run -t=qemu-tfa --output /tmp/x --waivers w.yaml --boot-per-test --test Id",
        "bench-suite",
        "bench-suite --each -t simulated-tfa",
        "bench-suite --tag rmm --test Realm",
        "bench-suite --test FfaIdTests"})
    @DisplayName("is the selection picocli parses from the same command line")
    void sameAsParsed(String line) {
        String[] args = line.split(" ");
        assertThat(EarlySelection.of(args)).contains(parsed(args));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "list",
        "run --scenarios found",
        "run --resume reports/x",
        "run --tag",
        "run @options.txt",
        "run extra",
        "run -h",
        "bench-suite --output /tmp/x"})
    @DisplayName("is not read from a command line it does not read plainly")
    void notRead(String line) {
        assertThat(EarlySelection.of(line.split(" "))).isEmpty();
    }

    @Test
    @DisplayName("reads only options the commands have, with the same arity: a flag is a boolean, the others take a value")
    void optionsAsTheCommandsHaveThem() {
        EarlySelection.optionsRead().forEach((command, options) -> {
            CommandLine.Model.CommandSpec spec = FwctsCommand.commandLine(command).getSubcommands().get(command)
                    .getCommandSpec();
            for (String name : options) {
                OptionSpec option = spec.findOption(name);
                assertThat(option).as(command + " " + name).isNotNull();
                boolean flag = option.typeInfo().isBoolean();
                assertThat(EarlySelection.of(command, name).isPresent()).as(command + " " + name + " read as a flag")
                        .isEqualTo(flag);
            }
        });
    }

    /** The selection picocli's parse of {@code args} gives the command. */
    private static SuiteSelection parsed(String... args) {
        CommandLine commandLine = FwctsCommand.commandLine(args);
        List<CommandLine> parsed = commandLine.parseArgs(args).asCommandLineList();
        Object command = parsed.get(parsed.size() - 1).getCommand();
        if (command instanceof RunCommand run) {
            return new SuiteSelection(run.tags, run.names);
        }
        BenchSuiteCommand bench = (BenchSuiteCommand) command;
        return BenchSuiteCommand.selection(bench.tags, bench.names);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-t|simulated-tfa|--tag|psci &|=psci &",
        "-t|simulated-tfa|--test|NoSuchTestAnywhere|=no conformance test matches",
        "-t|no-such-target|=unknown target 'no-such-target'"})
    @DisplayName("a run whose early discovery fails, or that fails while it runs, is refused as before, and leaves no run folder")
    void earlyErrors(String line, @TempDir Path temp) throws Exception {
        List<String> parts = List.of(line.split("\\|"));
        String expected = parts.get(parts.size() - 1).substring(1);
        String java = ProcessHandle.current().info().command().orElse("java");
        Path runDir = temp.resolve("run");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Dfwcts.home=" + ProjectLayout.discover().root(),
                "-cp", System.getProperty("java.class.path"), FwctsCommand.class.getName(), "run"));
        command.addAll(parts.subList(0, parts.size() - 1));
        command.addAll(List.of("--output", runDir.toString()));
        Process fwcts = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("out.txt").toFile()).start();
        assertThat(fwcts.waitFor(2, TimeUnit.MINUTES)).as("the run ends").isTrue();
        String printed = Files.readString(temp.resolve("out.txt"));
        assertThat(fwcts.exitValue()).as(printed).isEqualTo(2);
        assertThat(printed).contains(expected);
        assertThat(runDir).doesNotExist();
    }

    @Test
    @DisplayName("a command line it does not know is no reason to fail")
    void nothingToRead() {
        assertThat(EarlySelection.of()).isEqualTo(Optional.empty());
    }
}
