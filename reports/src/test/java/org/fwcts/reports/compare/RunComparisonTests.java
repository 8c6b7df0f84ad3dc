package org.fwcts.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.reports.TestStatus.BROKEN;
import static org.fwcts.reports.TestStatus.FAILED;
import static org.fwcts.reports.TestStatus.PASSED;
import static org.fwcts.reports.TestStatus.SKIPPED;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fwcts.reports.StoredRun;
import org.fwcts.reports.TestStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Comparing two runs")
class RunComparisonTests {

    static StoredRun fixture(String name) throws URISyntaxException {
        return StoredRun.read(Path.of(RunComparisonTests.class.getResource("/runs/" + name).toURI()));
    }

    static Stream<Arguments> transitions() {
        return Stream.of(
                Arguments.of(List.of(PASSED), List.of(FAILED), ChangeKind.NEW_FAILURE),
                Arguments.of(List.of(BROKEN), List.of(FAILED), ChangeKind.NEW_FAILURE),
                Arguments.of(List.of(), List.of(FAILED), ChangeKind.NEW_FAILURE),
                Arguments.of(List.of(FAILED), List.of(PASSED), ChangeKind.FIXED),
                Arguments.of(List.of(BROKEN), List.of(PASSED), ChangeKind.FIXED),
                Arguments.of(List.of(PASSED), List.of(BROKEN), ChangeKind.PASS_TO_BROKEN),
                Arguments.of(List.of(PASSED), List.of(PASSED, FAILED), ChangeKind.FLAKY),
                Arguments.of(List.of(FAILED), List.of(FAILED, PASSED), ChangeKind.FLAKY),
                Arguments.of(List.of(PASSED), List.of(SKIPPED), ChangeKind.OTHER),
                Arguments.of(List.of(FAILED), List.of(BROKEN), ChangeKind.OTHER),
                Arguments.of(List.of(), List.of(PASSED), ChangeKind.OTHER),
                Arguments.of(List.of(PASSED), List.of(), ChangeKind.OTHER),
                Arguments.of(List.of(FAILED, PASSED), List.of(PASSED), null),
                Arguments.of(List.of(FAILED), List.of(FAILED), null),
                Arguments.of(List.of(PASSED), List.of(PASSED, PASSED), null));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("transitions")
    @DisplayName("classifies each change of a test's statuses")
    void classifies(List<TestStatus> before, List<TestStatus> after, ChangeKind expected) {
        assertThat(RunComparison.classify(before, after)).isEqualTo(expected);
    }

    @Test
    @DisplayName("of regressions only, new failures and pass-to-broken count")
    void regressions() {
        assertThat(Stream.of(ChangeKind.values()).filter(ChangeKind::isRegression))
                .containsExactly(ChangeKind.NEW_FAILURE, ChangeKind.PASS_TO_BROKEN);
    }

    @Nested
    @DisplayName("nightly-a with nightly-b, which differ in five known ways")
    class Nightlies {
        private final RunComparison comparison;

        Nightlies() throws URISyntaxException {
            comparison = RunComparison.of(fixture("nightly-a"), fixture("nightly-b"));
        }

        private List<String> names(ChangeKind kind) {
            return comparison.changes(kind).stream().map(TestChange::name).toList();
        }

        @Test
        @DisplayName("finds exactly those differences")
        void findsExactlyTheKnownDifferences() {
            assertThat(names(ChangeKind.NEW_FAILURE)).containsExactly("PSCI_VERSION › reports the implemented PSCI version");
            assertThat(names(ChangeKind.FIXED))
                    .containsExactly("SMCCC_VERSION › reports the implemented convention, or NOT_SUPPORTED under SMCCC v1.0");
            assertThat(names(ChangeKind.PASS_TO_BROKEN)).containsExactly("SMCCC_VERSION › leaves x4–x17 as the convention version requires");
            assertThat(names(ChangeKind.FLAKY)).containsExactly(
                    "PSCI_FEATURES › answers for every PSCI function as the profile implements it › PSCI_FEATURES(PSCI_VERSION)");
            assertThat(names(ChangeKind.OTHER)).containsExactly("Function identifier width › the function is chosen by w0:"
                    + " the upper half of x0 is ignored › 0x80000000 with x0[63:32] all ones");
            assertThat(comparison.changes()).hasSize(5);
        }

        @Test
        @DisplayName("counts two regressions and asks for a non-zero exit")
        void countsRegressions() {
            assertThat(comparison.regressionCount()).isEqualTo(2);
            assertThat(comparison.exitCode()).isEqualTo(1);
        }

        @Test
        @DisplayName("describes each section with the transitions and the new failure's message")
        void describes() {
            assertThat(comparison.describe())
                    .contains("A: 20261120-020000-qemu-virt (7 tests)")
                    .contains("B: 20261121-020000-qemu-virt (8 tests)")
                    .contains("New failures (1):\n  PSCI_VERSION › reports the implemented PSCI version   [PASSED -> FAILED]\n"
                            + "      the target contradicts the model\n      SMC 0x84000000: PSCI_VERSION returns 1.1\n")
                    .contains("[B ran it 2 times: PASSED, FAILED]")
                    .contains("[(absent) -> PASSED]")
                    .endsWith("\n2 regression(s).\n");
        }
    }

    @Test
    @DisplayName("a run with itself finds nothing and exits 0")
    void sameRunHasNoChanges() throws URISyntaxException {
        RunComparison comparison = RunComparison.of(fixture("nightly-a"), fixture("nightly-a"));
        assertThat(comparison.changes()).isEmpty();
        assertThat(comparison.exitCode()).isZero();
        assertThat(comparison.describe()).endsWith("No regressions.\n");
    }
}
