package org.fwcts.testcases.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.fwcts.reports.RunStop;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Passes test events to the run's reporters (journal, Allure, progress), leaving out the tests
 * that did not run in this run: those an interrupted run finished (their results are kept from
 * it) and those that would have begun after the run stopped (they have none). Every report then
 * holds each test once, with the result it really had.
 */
final class RunEventFilter implements TestExecutionListener {
    private final List<TestExecutionListener> reporters;
    private final Set<String> finishedBefore;
    private final RunStop stop;
    private final Supplier<Optional<String>> diskFailure;
    /** Tests and containers whose start was passed on: their end is passed on too, even after a stop. */
    private final Set<String> passedOn = ConcurrentHashMap.newKeySet();

    /**
     * @param finishedBefore unique IDs of the tests an interrupted run finished
     * @param diskFailure a failed write elsewhere (the console log) that stops the run
     */
    RunEventFilter(List<TestExecutionListener> reporters, Set<String> finishedBefore, RunStop stop,
            Supplier<Optional<String>> diskFailure) {
        this.reporters = List.copyOf(reporters);
        this.finishedBefore = Set.copyOf(finishedBefore);
        this.stop = stop;
        this.diskFailure = diskFailure;
    }

    private boolean leftOut(TestIdentifier test) {
        diskFailure.get().ifPresent(stop::stop);
        return finishedBefore.contains(test.getUniqueId()) || stop.stopped();
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        reporters.forEach(r -> r.testPlanExecutionStarted(plan));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        reporters.forEach(r -> r.testPlanExecutionFinished(plan));
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier test) {
        if (!leftOut(test)) {
            reporters.forEach(r -> r.dynamicTestRegistered(test));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (!leftOut(test)) {
            reporters.forEach(r -> r.executionSkipped(test, reason));
        }
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (!leftOut(test)) {
            passedOn.add(test.getUniqueId());
            reporters.forEach(r -> r.executionStarted(test));
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        // A test still going when the run stopped has no result (a signal may have taken its target down with it).
        boolean cutOff = test.isTest() && stop.stopped();
        if (passedOn.remove(test.getUniqueId()) && !cutOff) {
            reporters.forEach(r -> r.executionFinished(test, result));
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        if (passedOn.contains(test.getUniqueId())) {
            reporters.forEach(r -> r.reportingEntryPublished(test, entry));
        }
    }
}
