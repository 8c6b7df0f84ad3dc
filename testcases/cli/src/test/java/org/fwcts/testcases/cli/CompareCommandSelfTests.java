package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("fwcts compare on two recorded nightly runs that differ in five known ways")
class CompareCommandSelfTests {
    /** The fixture runs the reports module's tests use too. */
    private static final Path RUNS = ProjectLayout.discover().root().resolve("reports/src/test/resources/runs");

    private static CliRun compare(String a, String b) {
        return CliRun.of("compare", RUNS.resolve(a).toString(), RUNS.resolve(b).toString());
    }

    @Test
    @DisplayName("lists exactly those differences and exits 1 for the two regressions")
    void listsTheDifferences() {
        CliRun run = compare("nightly-a", "nightly-b");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("New failures (1):\n  PSCI_VERSION › reports the implemented PSCI version   [PASSED -> FAILED]")
                .contains("Passed before, broken now (1):\n  SMCCC_VERSION › leaves x4–x17 as the convention version requires"
                        + "   [PASSED -> BROKEN]")
                .contains("Fixed (1):\n  SMCCC_VERSION › reports the implemented convention, or NOT_SUPPORTED under SMCCC v1.0"
                        + "   [FAILED -> PASSED]")
                .contains("Flaky in B (different verdicts on re-run) (1):\n  PSCI_FEATURES › answers for every PSCI function as"
                        + " the profile implements it › PSCI_FEATURES(PSCI_VERSION)   [B ran it 2 times: PASSED, FAILED]")
                .contains("Other changes (1):\n  Function identifier width")
                .contains("2 regression(s).");
    }

    @Test
    @DisplayName("exits 0 when the newer run only fixed tests")
    void noRegressionWhenOnlyFixed() {
        CliRun run = compare("nightly-b", "one-failure");
        assertThat(run.out()).contains("New failures (0)").contains("Passed before, broken now (0)").contains("No regressions.");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    @DisplayName("exits 2 naming a folder that is not a run")
    void refusesAFolderThatIsNoRun() {
        CliRun run = CliRun.of("compare", RUNS.resolve("nightly-a").toString(), RUNS.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("fwcts: " + RUNS + ": not an FWCTS run folder (no results.jsonl)\n");
    }
}
