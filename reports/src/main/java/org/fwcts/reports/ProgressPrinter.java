package org.fwcts.reports;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** Prints one line per finished test: position, status, name, and failures so far. */
public final class ProgressPrinter implements TestExecutionListener {
    private final PrintStream out;
    private final Clock clock;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger known = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private TestPlan plan;
    private Instant started;

    public ProgressPrinter(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        started = clock.instant();
        known.set((int) testPlan.countTestIdentifiers(TestIdentifier::isTest));
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier test) {
        if (test.isTest()) {
            known.incrementAndGet();
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (TestNames.countsAsTest(plan, test)) {
            print(TestStatus.SKIPPED, test, reason);
        }
        plan.getChildren(test).forEach(child -> executionSkipped(child, reason));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            print(RunRecorder.status(result), test, null);
        }
    }

    private void print(TestStatus status, TestIdentifier test, String reason) {
        if (status == TestStatus.FAILED || status == TestStatus.BROKEN) {
            failures.incrementAndGet();
        }
        long seconds = Duration.between(started, clock.instant()).toSeconds();
        int position = done.incrementAndGet();
        out.printf("[%3d/%d] %-7s %s%s   (%d s, %d not passed)%n", position, Math.max(position, known.get()), status,
                TestNames.of(plan, test), reason == null ? "" : " — " + reason, seconds, failures.get());
        out.flush();
    }
}
