package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The project's own tasks are subcommands of the CLI, not only of the shell wrapper. */
@DisplayName("fwcts --help")
class ProjectCommandsSelfTests {

    @Test
    @DisplayName("lists selftest, build and bench-model with recheck and the run commands")
    void listsProjectCommands() {
        CliRun help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("selftest").contains("build").contains("bench-model").contains("recheck");
    }

    @Test
    @DisplayName("selftest --help says it runs what CI runs and passes its arguments to Maven")
    void selftestHelp() {
        CliRun help = CliRun.of("selftest", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("mvn -B verify").contains("MAVEN_ARG");
    }
}
