package org.fwcts.harness.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.firmware.ModelState;

/**
 * A finished run judged again from its call history with a (possibly different) model: every call
 * in order, the model starting afresh at each boot, each new verdict set against the one the run
 * gave. Pure: no target, no I/O.
 *
 * @param calls how many calls were judged
 * @param counts the new verdicts, by verdict
 * @param changes every call whose verdict changed, in order
 * @param tests each test's verdict (its calls' worst) before and after, by test ID, in first-call order
 */
public record Recheck(int calls, Map<Verdict, Integer> counts, List<Change> changes, Map<String, TestChange> tests) {

    /** One call whose verdict changed. */
    public record Change(long sequence, Optional<String> test, Verdict before, Verdict after, String ruleBefore,
            String ruleAfter, String prediction) {
    }

    /** A test's verdict as the run gave it and as the recheck gives it. */
    public record TestChange(Verdict before, Verdict after) {
        public boolean changed() {
            return before != after;
        }
    }

    /**
     * Judges {@code history} with {@code model}.
     *
     * @throws IllegalArgumentException naming the line when a call has no verdict or a verdict no call
     */
    public static Recheck of(List<HistoryLine> history, FirmwareModel model) {
        CallChecker checker = new CallChecker(model);
        boolean tracksState = model.profile().ffa().isPresent() || model.profile().rmm().isPresent()
                || model.profile().optee().isPresent();
        Map<Long, HistoryLine.Judged> given = new HashMap<>();
        for (HistoryLine line : history) {
            if (line instanceof HistoryLine.Judged judged) {
                given.put(judged.sequence(), judged);
            }
        }
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        List<Change> changes = new ArrayList<>();
        Map<String, TestChange> tests = new LinkedHashMap<>();
        ModelState state = ModelState.freshBoot();
        String lost = null;
        int calls = 0;
        for (HistoryLine line : history) {
            if (line instanceof HistoryLine.Boot) {
                state = ModelState.freshBoot();
                lost = null;
                continue;
            }
            if (!(line instanceof HistoryLine.Call call)) {
                continue;
            }
            CallEntry entry = call.entry();
            HistoryLine.Judged before = given.get(entry.sequence());
            if (before == null && !bootFollows(history, line)) {
                throw new IllegalArgumentException("line " + line.line() + ": call " + entry.sequence()
                        + " has no verdict line (the history is truncated)");
            }
            if (before == null) {
                // The run was interrupted between recording this call and judging it, then resumed on
                // a fresh boot: there is no verdict to reproduce, and the model cannot follow that boot on.
                lost = "the run was interrupted at call " + entry.sequence();
                continue;
            }
            Verdict verdict;
            String rule;
            String prediction;
            if (lost != null) {
                // The run would not have made this call: the model had stopped following the boot.
                verdict = Verdict.UNKNOWN;
                rule = "none";
                prediction = "the model no longer follows this boot: " + lost;
            } else {
                Judgement judgement = checker.judge(state, entry);
                state = judgement.after();
                // Where the run itself stopped following (its verdict was no pass), it made no further call
                // on this boot. Where it passed, it went on: the later calls are real observations, judged
                // from the model's last trusted state rather than written off as unknown.
                if (tracksState && judgement.lostTrack().isPresent() && before.verdict() != Verdict.PASS) {
                    lost = judgement.lostTrack().get();
                }
                verdict = judgement.verdict();
                rule = judgement.rule();
                prediction = judgement.prediction();
            }
            calls++;
            counts.merge(verdict, 1, Integer::sum);
            if (verdict != before.verdict()) {
                changes.add(new Change(entry.sequence(), entry.test(), before.verdict(), verdict, before.rule(), rule,
                        prediction));
            }
            if (entry.test().isPresent()) {
                Verdict oldVerdict = before.verdict();
                Verdict newVerdict = verdict;
                tests.merge(entry.test().get(), new TestChange(oldVerdict, newVerdict),
                        (a, b) -> new TestChange(a.before().and(b.before()), a.after().and(b.after())));
            }
        }
        return new Recheck(calls, counts, changes, tests);
    }

    private static boolean bootFollows(List<HistoryLine> history, HistoryLine line) {
        for (int i = history.indexOf(line) + 1; i < history.size(); i++) {
            if (history.get(i) instanceof HistoryLine.Boot) {
                return true;
            }
        }
        return false;
    }
}
