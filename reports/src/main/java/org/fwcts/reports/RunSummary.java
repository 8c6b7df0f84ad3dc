package org.fwcts.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fwcts.reports.waiver.Waivers;

/**
 * A run's certification summary: what was tested, with which images and suite, every test's
 * verdict after waivers, the verdict of each rule, and the run's overall verdict.
 *
 * @param runId the run's folder name under reports/
 * @param started when the run began; its date (UTC) is the day waivers are judged against
 * @param finished when it ended
 * @param target facts about the target (name, profile, image hashes, agent identification)
 * @param suite the suite version and the rules it can cite
 * @param tests every test's record, in execution order
 * @param waivers the accepted deviations applied to this run
 * @param runError an error that stopped the run as a whole, or null
 */
public record RunSummary(String runId, Instant started, Instant finished, Map<String, String> target, SuiteInfo suite,
        List<TestRecord> tests, Waivers waivers, String runError) {
    /** Rules group here the tests that carry no {@code rule:} tag. */
    public static final String NO_RULE = "(no rule tag)";
    /**
     * What every report of a simulated target says. The harness's simulated launcher starts one
     * target fact's value with it; that fact is how a summary (also one read back from
     * summary.json) knows its target was simulated.
     */
    public static final String SIMULATED = "SIMULATED target, not a conformance result";

    public RunSummary {
        target = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(target));
        tests = List.copyOf(tests);
    }

    /** The day waivers are judged against: the run's start date in UTC. */
    public LocalDate day() {
        return LocalDate.ofInstant(started, ZoneOffset.UTC);
    }

    /** Every test with its waiver, in execution order. */
    public List<JudgedTest> judged() {
        LocalDate day = day();
        return tests.stream().map(t -> new JudgedTest(t, waivers.accepting(t, day), waivers.expiredFor(t, day))).toList();
    }

    public Map<TestStatus, Integer> counts() {
        Map<TestStatus, Integer> counts = new EnumMap<>(TestStatus.class);
        for (TestStatus status : TestStatus.values()) {
            counts.put(status, 0);
        }
        judged().forEach(t -> counts.merge(t.status(), 1, Integer::sum));
        return counts;
    }

    /**
     * PASS when nothing failed or broke (waived failures do not count), FAIL on conformance
     * failures, ERROR when a verdict could not be reached.
     */
    public String verdict() {
        Map<TestStatus, Integer> counts = counts();
        if (runError != null || counts.get(TestStatus.BROKEN) > 0) {
            return "ERROR";
        }
        return counts.get(TestStatus.FAILED) > 0 ? "FAIL" : "PASS";
    }

    /**
     * True when the target was a simulation, so its verdict says nothing about any firmware: a
     * target fact's value starts with {@link #SIMULATED}.
     */
    public boolean simulated() {
        return target.values().stream().anyMatch(value -> value != null && value.startsWith(SIMULATED));
    }

    /**
     * The verdict with the waived failures it admits, e.g. {@code PASS (1 failure waived)}, and for
     * a simulated target {@code PASS — SIMULATED target, not a conformance result}: whoever prints the
     * verdict prints that it is not a conformance result.
     */
    public String verdictLine() {
        int waived = counts().get(TestStatus.WAIVED);
        String line = waived == 0 ? verdict() : verdict() + " (" + waived + (waived == 1 ? " failure" : " failures") + " waived)";
        return simulated() ? line + " — " + SIMULATED : line;
    }

    /** The CLI's exit code: 0 all passed, 1 conformance failures, 2 harness or target errors. */
    public int exitCode() {
        return switch (verdict()) {
            case "PASS" -> 0;
            case "FAIL" -> 1;
            default -> 2;
        };
    }

    /**
     * Each rule the tests are tagged with or a failure was decided by, with its tests and verdict,
     * ordered by rule ID: a failure counts against the rule that decided it, tagged or not.
     */
    public List<RuleVerdict> rules() {
        Map<String, List<JudgedTest>> byRule = new TreeMap<>();
        for (JudgedTest test : judged()) {
            java.util.Set<String> ids = new java.util.LinkedHashSet<>(test.record().rules());
            test.decidingRule().ifPresent(ids::add);
            if (ids.isEmpty()) {
                ids.add(NO_RULE);
            }
            ids.forEach(id -> byRule.computeIfAbsent(id, k -> new ArrayList<>()).add(test));
        }
        List<RuleVerdict> rules = new ArrayList<>();
        byRule.forEach((id, tested) -> rules.add(new RuleVerdict(id, suite.rule(id), tested)));
        return rules;
    }

    /**
     * The specification documents (with versions) the run's rules come from, each once: a rule
     * that cites several documents ("DEN0077A (FF-A); DEN0140 ...") names each of them.
     */
    public List<String> specifications() {
        TreeSet<String> documents = new TreeSet<>();
        rules().forEach(rule -> rule.reference().ifPresent(r -> {
            for (String document : r.document().split(";")) {
                documents.add(document.strip());
            }
        }));
        return List.copyOf(documents);
    }
}
