package org.fwcts.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fwcts.reports.SummaryBlock.Heading;
import org.fwcts.reports.SummaryBlock.Paragraph;
import org.fwcts.reports.SummaryBlock.Preformatted;
import org.fwcts.reports.SummaryBlock.Table;
import org.fwcts.reports.waiver.Waiver;
import org.fwcts.reports.waiver.Waivers;

/**
 * Lays a summary out for a certification reader: verdict and counts, then what needs attention
 * first (failures and broken tests with their details), then target identity, suite and
 * specifications, the rule table, waived failures, skipped tests and waivers.
 */
final class SummaryLayout {
    private SummaryLayout() {
    }

    static List<SummaryBlock> blocks(RunSummary summary) {
        List<SummaryBlock> blocks = new ArrayList<>();
        blocks.add(new Heading(1, "FWCTS conformance summary: " + summary.runId()));
        blocks.add(new SummaryBlock.Verdict(summary.verdict(), summary.verdictLine()));
        if (summary.runError() != null) {
            blocks.add(new Paragraph("Run error: " + summary.runError()));
        }
        counts(blocks, summary);
        details(blocks, summary, TestStatus.FAILED, "Failures (the target contradicted the model)");
        details(blocks, summary, TestStatus.BROKEN, "Broken (no verdict: harness or target error)");
        blocks.add(new Heading(2, "Target"));
        blocks.add(new Table(List.of("Fact", "Value"), summary.target().entrySet().stream()
                .map(fact -> List.of(fact.getKey(), fact.getValue())).toList()));
        blocks.add(new Heading(2, "Suite"));
        blocks.add(new Table(List.of("Fact", "Value"), List.of(
                List.of("suite", SuiteInfo.NAME + " " + summary.suite().version()),
                List.of("specifications", String.join("; ", summary.specifications())),
                List.of("started", summary.started().toString()),
                List.of("finished", summary.finished().toString()),
                List.of("waivers", summary.waivers().file().map(Object::toString).orElse("none")))));
        blocks.add(new Heading(2, "Rules"));
        blocks.add(new Table(List.of("Rule", "Specification", "Verdict", "Tests"),
                summary.rules().stream().map(SummaryLayout::ruleRow).toList()));
        details(blocks, summary, TestStatus.WAIVED, "Waived failures (accepted deviations)");
        skipped(blocks, summary);
        waivers(blocks, summary);
        return blocks;
    }

    private static void counts(List<SummaryBlock> blocks, RunSummary summary) {
        blocks.add(new Heading(2, "Results"));
        Map<TestStatus, Integer> counts = summary.counts();
        List<String> header = new ArrayList<>(List.of("Tests"));
        List<String> row = new ArrayList<>(List.of(Integer.toString(summary.tests().size())));
        for (TestStatus status : TestStatus.values()) {
            header.add(capitalised(status));
            row.add(Integer.toString(counts.get(status)));
        }
        blocks.add(new Table(header, List.of(row)));
    }

    private static List<String> ruleRow(RuleVerdict rule) {
        String where = rule.reference().map(r -> r.document() + ", " + r.section()).orElse("");
        long stopped = rule.stoppedElsewhere();
        List<String> counts = new ArrayList<>();
        for (TestStatus status : TestStatus.values()) {
            long count = rule.count(status) - (status == TestStatus.BROKEN ? stopped : 0);
            if (count > 0) {
                counts.add(count + " " + status.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (stopped > 0) {
            counts.add(stopped + " stopped at another rule's failure");
        }
        String tests = rule.tests().size() + (rule.tests().size() == 1 ? " test" : " tests") + ": "
                + String.join(", ", counts);
        return List.of(rule.id(), where, rule.verdict().name(), tests);
    }

    private static void details(List<SummaryBlock> blocks, RunSummary summary, TestStatus status, String title) {
        List<JudgedTest> tests = summary.judged().stream().filter(t -> t.status() == status).toList();
        if (tests.isEmpty()) {
            return;
        }
        blocks.add(new Heading(2, title));
        for (JudgedTest test : tests) {
            blocks.add(new Heading(3, test.record().name()));
            if (!test.record().rules().isEmpty()) {
                blocks.add(new Paragraph("Rules: " + String.join(", ", test.record().rules())));
            }
            test.waiver().ifPresent(w -> blocks.add(new Paragraph("Waived by " + w.describe() + ": " + w.justification())));
            test.expiredWaiver().ifPresent(w -> blocks.add(new Paragraph("Not waived: the waiver for " + w.scope().field()
                    + " " + w.subject() + " expired on " + w.expires() + ", before this run (" + summary.day() + ").")));
            if (test.record().message() != null) {
                blocks.add(new Preformatted(test.record().message().strip()));
            }
        }
    }

    private static void skipped(List<SummaryBlock> blocks, RunSummary summary) {
        List<List<String>> rows = summary.judged().stream().filter(t -> t.status() == TestStatus.SKIPPED)
                .map(t -> List.of(t.record().name(), String.valueOf(t.record().message()))).toList();
        if (!rows.isEmpty()) {
            blocks.add(new Heading(2, "Skipped tests"));
            blocks.add(new Table(List.of("Test", "Reason"), rows));
        }
    }

    private static void waivers(List<SummaryBlock> blocks, RunSummary summary) {
        Waivers waivers = summary.waivers();
        if (waivers.entries().isEmpty()) {
            return;
        }
        blocks.add(new Heading(2, "Waivers"));
        List<List<String>> rows = new ArrayList<>();
        for (Waiver waiver : waivers.entries()) {
            rows.add(List.of(waiver.scope().field() + " " + waiver.subject(), waiver.justification(),
                    waiver.expires().toString(), waivers.stateOf(waiver, summary.tests(), summary.day()).name()));
        }
        blocks.add(new Table(List.of("Waives", "Justification", "Expires", "State"), rows));
    }

    private static String capitalised(TestStatus status) {
        String name = status.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
