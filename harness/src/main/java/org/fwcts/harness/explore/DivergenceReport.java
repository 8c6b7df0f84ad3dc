package org.fwcts.harness.explore;

import java.util.List;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.model.firmware.RuleCatalog;

/** A divergence as a person reads it: the minimal steps, the diverging step's register table, the rule, who decided, the console. */
public final class DivergenceReport {

    private DivergenceReport() {
    }

    public static String text(Divergence divergence, long seed) {
        StringBuilder out = new StringBuilder();
        StepOutcome step = divergence.step();
        out.append("DIVERGENCE ").append(divergence.number()).append(": ").append(step.signature()).append(" — ")
                .append(divergence.attribution().kind().label()).append('\n');
        out.append("  found by sequence ").append(divergence.sequence()).append(" (seed ").append(seed).append(") after ")
                .append(divergence.found().outcomes().size()).append(" calls");
        divergence.shrunk().ifPresent(shrunk -> out.append("; shrunk to ").append(shrunk.calls()).append(" calls (")
                .append(shrunk.replays()).append(" replays on fresh boots, ")
                .append(String.format("%.2f s", shrunk.time().toNanos() / 1e9)).append(')'));
        out.append('\n');
        out.append(sequence(divergence.reported()));
        out.append("  decided: ").append(divergence.attribution().explanation()).append('\n');
        if (!divergence.consoleTail().isBlank()) {
            out.append("  console (last lines):\n").append(indent(divergence.consoleTail()));
        }
        return out.toString();
    }

    /** The steps of {@code result}, and its diverging step's register table and rule. */
    public static String sequence(SequenceResult result) {
        StringBuilder out = new StringBuilder();
        out.append("  steps:\n");
        List<StepOutcome> outcomes = result.outcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            StepOutcome outcome = outcomes.get(i);
            out.append(String.format("    %d. %-10s %s%n", i + 1, outcome.verdict(), outcome.action()));
        }
        if (result.divergence().isEmpty()) {
            return out.toString();
        }
        StepOutcome step = result.divergence().get();
        out.append("  the diverging step: ").append(step.action()).append('\n');
        String table = step.judgement().flatMap(j -> j.check()).map(CallCheck::table).orElse("");
        if (!table.isEmpty()) {
            out.append(indent(table));
        }
        step.judgement().ifPresent(j -> j.differences().forEach(d -> out.append("    ").append(d).append('\n')));
        if (!step.detail().isEmpty()) {
            out.append("    ").append(step.detail()).append('\n');
        }
        out.append("  rule: ").append(step.rule());
        RuleCatalog.find(step.rule()).ifPresent(rule -> out.append(" (").append(rule.citation()).append("): ")
                .append(rule.statement()));
        out.append('\n');
        return out.toString();
    }

    private static String indent(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            out.append("    ").append(line).append('\n');
        }
        return out.toString();
    }
}
