package org.fwcts.reports;

import java.util.Locale;
import java.util.Map;
import org.fwcts.reports.json.IndentedJson;
import org.fwcts.reports.waiver.Waiver;

/**
 * The summary as JSON, in the layout {@code reports/summary.schema.json} describes. Plain loops
 * rather than lambdas: each lambda's first call links it, a cost paid once per run, at its end.
 */
final class SummaryJson {
    private SummaryJson() {
    }

    static byte[] of(RunSummary summary) {
        IndentedJson json = new IndentedJson().startObject();
        json.field("schema", SummaryWriter.SCHEMA).field("runId", summary.runId())
                .field("started", summary.started().toString()).field("finished", summary.finished().toString())
                .field("verdict", summary.verdict()).field("simulated", summary.simulated());
        if (summary.runError() != null) {
            json.field("runError", summary.runError());
        }
        json.name("suite").startObject().field("name", SuiteInfo.NAME).field("version", summary.suite().version())
                .endObject();
        json.strings("specifications", summary.specifications());
        json.name("target").startObject();
        for (Map.Entry<String, String> fact : summary.target().entrySet()) {
            json.field(fact.getKey(), fact.getValue());
        }
        json.endObject();
        json.name("counts").startObject().field("total", summary.tests().size());
        for (Map.Entry<TestStatus, Integer> count : summary.counts().entrySet()) {
            json.field(count.getKey().name().toLowerCase(Locale.ROOT), count.getValue());
        }
        json.endObject();
        json.name("rules").startArray();
        for (RuleVerdict rule : summary.rules()) {
            rule(json, rule);
        }
        json.endArray();
        json.name("tests").startArray();
        for (JudgedTest test : summary.judged()) {
            test(json, test);
        }
        json.endArray();
        waivers(json.name("waivers"), summary);
        return json.endObject().toBytes();
    }

    private static void rule(IndentedJson json, RuleVerdict rule) {
        json.startObject().field("id", rule.id());
        if (rule.reference().isPresent()) {
            json.field("document", rule.reference().get().document()).field("section", rule.reference().get().section());
        }
        json.field("verdict", rule.verdict().name()).name("tests").startArray();
        for (JudgedTest test : rule.tests()) {
            json.value(test.record().id());
        }
        json.endArray().endObject();
    }

    private static void test(IndentedJson json, JudgedTest judged) {
        TestRecord test = judged.record();
        json.startObject().field("id", test.id()).field("name", test.name()).field("status", judged.status().name())
                .field("durationMillis", test.durationMillis()).strings("tags", test.tags()).strings("rules", test.rules());
        if (test.message() != null) {
            json.field("message", test.message());
        }
        if (judged.waiver().isPresent()) {
            waiver(json.name("waiver"), judged.waiver().get()).endObject();
        }
        if (judged.expiredWaiver().isPresent()) {
            waiver(json.name("expiredWaiver"), judged.expiredWaiver().get()).endObject();
        }
        json.endObject();
    }

    private static void waivers(IndentedJson json, RunSummary summary) {
        json.startObject();
        if (summary.waivers().file().isPresent()) {
            json.field("file", summary.waivers().file().get().toString());
        }
        json.name("entries").startArray();
        for (Waiver waiver : summary.waivers().entries()) {
            waiver(json, waiver).field("state", summary.waivers().stateOf(waiver, summary.tests(), summary.day()).name())
                    .endObject();
        }
        json.endArray().endObject();
    }

    /** Opens the waiver's object and writes its fields, leaving it open for what the caller adds. */
    private static IndentedJson waiver(IndentedJson json, Waiver waiver) {
        return json.startObject().field("scope", waiver.scope().field()).field("subject", waiver.subject())
                .field("justification", waiver.justification()).field("expires", waiver.expires().toString());
    }
}
