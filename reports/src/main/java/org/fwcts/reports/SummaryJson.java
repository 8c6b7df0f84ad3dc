package org.fwcts.reports;

import java.util.Locale;
import org.fwcts.reports.json.IndentedJson;
import org.fwcts.reports.waiver.Waiver;

/** The summary as JSON, in the layout {@code reports/summary.schema.json} describes. */
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
        summary.target().forEach(json::field);
        json.endObject();
        json.name("counts").startObject().field("total", summary.tests().size());
        summary.counts().forEach((status, n) -> json.field(status.name().toLowerCase(Locale.ROOT), n));
        json.endObject();
        json.name("rules").startArray();
        summary.rules().forEach(rule -> rule(json, rule));
        json.endArray();
        json.name("tests").startArray();
        summary.judged().forEach(test -> test(json, test));
        json.endArray();
        waivers(json.name("waivers"), summary);
        return json.endObject().toBytes();
    }

    private static void rule(IndentedJson json, RuleVerdict rule) {
        json.startObject().field("id", rule.id());
        rule.reference().ifPresent(r -> json.field("document", r.document()).field("section", r.section()));
        json.field("verdict", rule.verdict().name()).name("tests").startArray();
        rule.tests().forEach(t -> json.value(t.record().id()));
        json.endArray().endObject();
    }

    private static void test(IndentedJson json, JudgedTest judged) {
        TestRecord test = judged.record();
        json.startObject().field("id", test.id()).field("name", test.name()).field("status", judged.status().name())
                .field("durationMillis", test.durationMillis()).strings("tags", test.tags()).strings("rules", test.rules());
        if (test.message() != null) {
            json.field("message", test.message());
        }
        judged.waiver().ifPresent(w -> waiver(json.name("waiver"), w).endObject());
        judged.expiredWaiver().ifPresent(w -> waiver(json.name("expiredWaiver"), w).endObject());
        json.endObject();
    }

    private static void waivers(IndentedJson json, RunSummary summary) {
        json.startObject();
        summary.waivers().file().ifPresent(file -> json.field("file", file.toString()));
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
