package org.fwcts.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.fwcts.reports.waiver.Waiver;

/** The summary as JSON, in the layout {@code reports/summary.schema.json} describes. */
final class SummaryJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SummaryJson() {
    }

    static ObjectNode of(RunSummary summary) {
        ObjectNode root = NODES.objectNode();
        root.put("schema", SummaryWriter.SCHEMA).put("runId", summary.runId()).put("started", summary.started().toString())
                .put("finished", summary.finished().toString()).put("verdict", summary.verdict())
                .put("simulated", summary.simulated());
        if (summary.runError() != null) {
            root.put("runError", summary.runError());
        }
        root.putObject("suite").put("name", SuiteInfo.NAME).put("version", summary.suite().version());
        summary.specifications().forEach(root.putArray("specifications")::add);
        ObjectNode target = root.putObject("target");
        summary.target().forEach(target::put);
        ObjectNode counts = root.putObject("counts");
        counts.put("total", summary.tests().size());
        summary.counts().forEach((status, n) -> counts.put(status.name().toLowerCase(Locale.ROOT), n));
        ArrayNode rules = root.putArray("rules");
        summary.rules().forEach(rule -> rules.add(rule(rule)));
        ArrayNode tests = root.putArray("tests");
        summary.judged().forEach(test -> tests.add(test(test)));
        root.set("waivers", waivers(summary));
        return root;
    }

    private static ObjectNode rule(RuleVerdict rule) {
        ObjectNode node = NODES.objectNode().put("id", rule.id());
        rule.reference().ifPresent(r -> node.put("document", r.document()).put("section", r.section()));
        node.put("verdict", rule.verdict().name());
        ArrayNode tests = node.putArray("tests");
        rule.tests().forEach(t -> tests.add(t.record().id()));
        return node;
    }

    private static ObjectNode test(JudgedTest judged) {
        TestRecord test = judged.record();
        ObjectNode node = NODES.objectNode().put("id", test.id()).put("name", test.name())
                .put("status", judged.status().name()).put("durationMillis", test.durationMillis());
        ArrayNode tags = node.putArray("tags");
        test.tags().forEach(tags::add);
        ArrayNode rules = node.putArray("rules");
        test.rules().forEach(rules::add);
        if (test.message() != null) {
            node.put("message", test.message());
        }
        judged.waiver().ifPresent(w -> node.set("waiver", waiver(w)));
        judged.expiredWaiver().ifPresent(w -> node.set("expiredWaiver", waiver(w)));
        return node;
    }

    private static ObjectNode waivers(RunSummary summary) {
        ObjectNode node = NODES.objectNode();
        summary.waivers().file().ifPresent(file -> node.put("file", file.toString()));
        ArrayNode entries = node.putArray("entries");
        for (Waiver waiver : summary.waivers().entries()) {
            entries.add(waiver(waiver).put("state",
                    summary.waivers().stateOf(waiver, summary.tests(), summary.day()).name()));
        }
        return node;
    }

    private static ObjectNode waiver(Waiver waiver) {
        return NODES.objectNode().put("scope", waiver.scope().field()).put("subject", waiver.subject())
                .put("justification", waiver.justification()).put("expires", waiver.expires().toString());
    }
}
