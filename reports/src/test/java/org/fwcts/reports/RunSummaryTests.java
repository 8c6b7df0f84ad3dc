package org.fwcts.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.fwcts.reports.waiver.Waiver;
import org.fwcts.reports.waiver.Waivers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The summary of a run with one conformance failure (SMCCC.FID_W0), run on 2026-11-22")
class RunSummaryTests {
    private static final String FAILING = "Function identifier width › the function is chosen by w0: the upper half of x0"
            + " is ignored › 0x84000000 with x0[63:32] all ones";

    @TempDir
    Path temp;

    private static RunSummary summary(Waiver... waivers) {
        return Fixtures.run("one-failure").summary(Fixtures.RULES, new Waivers(Path.of("waivers.yaml"), List.of(waivers)));
    }

    private static Waiver ruleWaiver(LocalDate expires) {
        return new Waiver(Waiver.Scope.RULE, "SMCCC.FID_W0", "QEMU's built-in PSCI decodes all of x0", expires);
    }

    private static JudgedTest failing(RunSummary summary) {
        return summary.judged().stream().filter(t -> t.record().name().equals(FAILING)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("without waivers fails, citing the rule's document in the rule table")
    void failsWithoutWaivers() {
        RunSummary summary = Fixtures.run("one-failure").summary(Fixtures.RULES, Waivers.none());
        assertThat(summary.verdict()).isEqualTo("FAIL");
        assertThat(summary.exitCode()).isEqualTo(1);
        RuleVerdict rule = summary.rules().stream().filter(r -> r.id().equals("SMCCC.FID_W0")).findFirst().orElseThrow();
        assertThat(rule.verdict()).isEqualTo(TestStatus.FAILED);
        assertThat(rule.reference()).map(RuleReference::document).contains("DEN0028 v1.6 (SMCCC)");
        assertThat(summary.specifications()).containsExactly("DEN0022 (PSCI)", "DEN0028 v1.6 (SMCCC)");
    }

    @Test
    @DisplayName("puts the failure first in summary.md and summary.html: before the target, the rule table and the skips")
    void failuresComeFirst() throws IOException {
        SummaryWriter.write(Fixtures.run("one-failure").summary(Fixtures.RULES, Waivers.none()), temp);
        for (String file : List.of("summary.md", "summary.html")) {
            String page = Files.readString(temp.resolve(file));
            int failures = page.indexOf("Failures (the target contradicted the model)");
            assertThat(failures).as(file).isPositive().isLessThan(page.indexOf("Target")).isLessThan(page.indexOf("Rules"))
                    .isLessThan(page.indexOf("Skipped tests"));
            assertThat(page.indexOf("Results")).as(file).isLessThan(failures);
        }
    }

    @Test
    @DisplayName("names each specification once, also when a rule cites two documents")
    void specificationsOnce() {
        RuleReference version = new RuleReference("FFA.VERSION", "DEN0077A (FF-A)", "FFA_VERSION");
        RuleReference lend = new RuleReference("FFA.MEM.LEND", "DEN0077A (FF-A); DEN0140 (FF-A Memory Management Protocol)"
                + " from v1.2", "FFA_MEM_LEND");
        List<TestRecord> tests = List.of(
                new TestRecord("[engine:e]/[class:A]/[method:v()]", "version", List.of("rule:FFA.VERSION"), TestStatus.PASSED, 1, null),
                new TestRecord("[engine:e]/[class:A]/[method:l()]", "lend", List.of("rule:FFA.MEM.LEND"), TestStatus.PASSED, 1, null));
        RunSummary summary = new RunSummary("r", java.time.Instant.EPOCH, java.time.Instant.EPOCH, java.util.Map.of(),
                new SuiteInfo("1", java.util.Map.of(version.id(), version, lend.id(), lend)), tests, Waivers.none(), null);
        assertThat(summary.specifications()).containsExactly("DEN0077A (FF-A)",
                "DEN0140 (FF-A Memory Management Protocol) from v1.2");
    }

    @Test
    @DisplayName("counts a failure against the rule that decided it; the test's other rules get no verdict from it")
    void failureCountsAgainstItsDecidingRule() throws IOException {
        String failure = """
                the target contradicts the model
                SMC 0xc4000167: RTT_READ_ENTRY walks to level 2
                deciding rule RMM.RTT.READ_ENTRY — DEN0137 1.0-rel0, RMI_RTT_READ_ENTRY
                """;
        List<TestRecord> tests = List.of(
                new TestRecord("[engine:e]/[class:A]/[method:d()]", "destroy", List.of("rule:RMM.RTT.DESTROY"),
                        TestStatus.FAILED, 1, failure),
                new TestRecord("[engine:e]/[class:A]/[method:c()]", "create", List.of("rule:RMM.RTT.DESTROY",
                        "rule:RMM.RTT.CREATE"), TestStatus.PASSED, 1, null));
        RunSummary summary = new RunSummary("r", java.time.Instant.EPOCH, java.time.Instant.EPOCH, java.util.Map.of(),
                new SuiteInfo("1", java.util.Map.of()), tests, Waivers.none(), null);
        java.util.Map<String, RuleVerdict> rules = new java.util.HashMap<>();
        summary.rules().forEach(rule -> rules.put(rule.id(), rule));
        assertThat(rules.get("RMM.RTT.READ_ENTRY").verdict()).isEqualTo(TestStatus.FAILED);
        assertThat(rules.get("RMM.RTT.READ_ENTRY").tests()).extracting(t -> t.record().name()).containsExactly("destroy");
        assertThat(rules.get("RMM.RTT.DESTROY").verdict()).isEqualTo(TestStatus.BROKEN);
        assertThat(rules.get("RMM.RTT.DESTROY").stoppedElsewhere()).isEqualTo(1);
        assertThat(rules.get("RMM.RTT.CREATE").verdict()).isEqualTo(TestStatus.PASSED);
        SummaryWriter.write(summary, temp);
        assertThat(Files.readString(temp.resolve("summary.md"))).contains("2 tests: 1 passed, 1 stopped at another rule's failure");
    }

    @Nested
    @DisplayName("with a rule waiver in force")
    class WaiverInForce {
        private final RunSummary summary = summary(ruleWaiver(LocalDate.of(2027, 6, 30)));

        @Test
        @DisplayName("shows the failure as waived and passes overall")
        void passesWithTheFailureWaived() {
            assertThat(failing(summary).status()).isEqualTo(TestStatus.WAIVED);
            assertThat(summary.counts()).containsEntry(TestStatus.WAIVED, 1).containsEntry(TestStatus.FAILED, 0);
            assertThat(summary.verdict()).isEqualTo("PASS");
            assertThat(summary.verdictLine()).isEqualTo("PASS (1 failure waived)");
            assertThat(summary.exitCode()).isZero();
            assertThat(summary.rules()).filteredOn(r -> r.id().equals("SMCCC.FID_W0"))
                    .singleElement().extracting(RuleVerdict::verdict).isEqualTo(TestStatus.WAIVED);
            assertThat(summary.waivers().stateOf(summary.waivers().entries().get(0), summary.tests(), summary.day()))
                    .isEqualTo(Waivers.State.APPLIED);
        }

        @Test
        @DisplayName("writes the waiver and its justification into summary.md and summary.html")
        void writesTheWaiver() throws IOException {
            SummaryWriter.write(summary, temp);
            assertThat(Files.readString(temp.resolve("summary.md"))).contains("**Verdict: PASS (1 failure waived)**")
                    .contains("## Waived failures (accepted deviations)")
                    .contains("Waived by rule SMCCC.FID_W0 (until 2027-06-30): QEMU's built-in PSCI decodes all of x0")
                    .doesNotContain("## Failures");
            assertThat(Files.readString(temp.resolve("summary.html"))).contains("class=\"verdict PASS\"")
                    .contains("<td class=\"status WAIVED\">WAIVED</td>");
        }
    }

    @Test
    @DisplayName("with a waiver expiring on the run's day still waives the failure")
    void waiverAppliesOnItsLastDay() {
        assertThat(summary(ruleWaiver(LocalDate.of(2026, 11, 22))).verdict()).isEqualTo("PASS");
    }

    @Nested
    @DisplayName("with a waiver that expired the day before")
    class ExpiredWaiver {
        private final RunSummary summary = summary(ruleWaiver(LocalDate.of(2026, 11, 21)));

        @Test
        @DisplayName("counts the failure again and fails, saying the waiver expired")
        void failsAgain() throws IOException {
            JudgedTest test = failing(summary);
            assertThat(test.status()).isEqualTo(TestStatus.FAILED);
            assertThat(test.expiredWaiver()).isPresent();
            assertThat(summary.verdict()).isEqualTo("FAIL");
            assertThat(summary.exitCode()).isEqualTo(1);
            assertThat(summary.waivers().stateOf(summary.waivers().entries().get(0), summary.tests(), summary.day()))
                    .isEqualTo(Waivers.State.EXPIRED);
            SummaryWriter.write(summary, temp);
            assertThat(Files.readString(temp.resolve("summary.md"))).contains("**Verdict: FAIL**")
                    .contains("Not waived: the waiver for rule SMCCC.FID_W0 expired on 2026-11-21, before this run (2026-11-22).");
        }
    }

    @Test
    @DisplayName("with a waiver naming the test by its full name waives it; one naming a passing test is unused")
    void testWaivers() {
        Waiver byName = new Waiver(Waiver.Scope.TEST, FAILING, "ticket 7", LocalDate.of(2027, 1, 1));
        Waiver unused = new Waiver(Waiver.Scope.RULE, "PSCI.VERSION", "not needed", LocalDate.of(2027, 1, 1));
        RunSummary summary = summary(unused, byName);
        assertThat(failing(summary).waiver()).contains(byName);
        assertThat(summary.waivers().stateOf(unused, summary.tests(), summary.day())).isEqualTo(Waivers.State.UNUSED);
    }

    @Test
    @DisplayName("never waives a broken test: a waiver accepts deviations, not missing verdicts")
    void brokenTestsStayBroken() {
        Waiver preserve = new Waiver(Waiver.Scope.RULE, "SMCCC.PRESERVE_X4_X17", "j", LocalDate.of(2027, 1, 1));
        RunSummary summary = Fixtures.run("nightly-b").summary(Fixtures.RULES,
                new Waivers(Path.of("w.yaml"), List.of(preserve)));
        assertThat(summary.counts()).containsEntry(TestStatus.BROKEN, 1).containsEntry(TestStatus.WAIVED, 0);
        assertThat(summary.verdict()).isEqualTo("ERROR");
    }
}
