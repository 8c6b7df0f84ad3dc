package org.fwcts.reports;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.fwcts.reports.waiver.Waivers;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records every test's result as the run goes: each one is appended to {@code results.jsonl}
 * the moment it is known, and the summary and JUnit XML are written from the same records when
 * the run ends.
 *
 * <p>When a result cannot be written (a full disk) the run stops: the records on disk are kept,
 * later tests are not recorded, and the summary, written into space set aside at the start,
 * says why. The journal's lines go through the run's {@link ReportQueue}, after the files the
 * reporters before this one handed in for the same test: a test whose Allure result could not be
 * written is not recorded either.
 */
public final class RunRecorder implements TestExecutionListener {
    private final String runId;
    private final Path runDir;
    private final Supplier<Map<String, String>> targetFacts;
    private final SuiteInfo suite;
    private final Waivers waivers;
    private final Clock clock;
    private final List<TestRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Instant> startedAt = new ConcurrentHashMap<>();
    /** Tests an interrupted run finished before this one resumed it: recorded already, never again. */
    private final java.util.Set<String> resumed = ConcurrentHashMap.newKeySet();
    /** Tests that finished but whose result could not be written: they have no result. */
    private final java.util.Set<String> unrecorded = ConcurrentHashMap.newKeySet();
    private final RunStop stop;
    private final ReportQueue writes;
    private final SpaceReserve reserve;
    private ResultJournal journal;
    private TestPlan plan;
    private Instant started;
    private RunSummary summary;

    /**
     * @param targetFacts read when the run ends: the target facts known by then (the boot happens during the run)
     * @param suite the suite's version and rule catalogue, for the summary
     * @param waivers the accepted deviations the summary applies
     */
    public RunRecorder(String runId, Path runDir, Supplier<Map<String, String>> targetFacts, SuiteInfo suite,
            Waivers waivers, Clock clock) {
        this(runId, runDir, targetFacts, suite, waivers, clock, new RunStop(), ReportQueue.inline());
    }

    /**
     * A recorder as above that stops {@code stop} when a result cannot be written, and records
     * nothing once {@code stop} has stopped for any reason; its journal lines are written through
     * {@code writes}.
     */
    public RunRecorder(String runId, Path runDir, Supplier<Map<String, String>> targetFacts, SuiteInfo suite,
            Waivers waivers, Clock clock, RunStop stop, ReportQueue writes) {
        this.stop = stop;
        this.writes = writes;
        this.reserve = SpaceReserve.take(runDir);
        // Opened now, so a line an earlier, interrupted run left torn is cut off before anything else happens.
        this.journal = ResultJournal.open(runDir.resolve(StoredRun.JOURNAL), ResultJournal.DEFAULT);
        this.runId = runId;
        this.runDir = runDir;
        this.targetFacts = targetFacts;
        this.suite = suite;
        this.waivers = waivers;
        this.clock = clock;
    }

    /**
     * Continues an interrupted run: {@code finished} (read back from its journal) count in the
     * summary, and events for those tests in this run are ignored.
     */
    public synchronized void resume(List<TestRecord> finished) {
        for (TestRecord record : finished) {
            records.add(record);
            resumed.add(record.id());
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        started = clock.instant();
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        startedAt.put(test.getUniqueId(), clock.instant());
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        // A skipped container reports only itself: its tests are recorded one by one as skipped.
        if (TestNames.countsAsTest(plan, test)) {
            add(test, TestStatus.SKIPPED, reason);
        }
        for (TestIdentifier child : plan.getChildren(test)) {
            executionSkipped(child, reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        TestStatus status = status(result);
        // A skip's message is its reason, e.g. "target did not recover: ...", without the exception's name.
        String message = result.getThrowable().map(t -> status == TestStatus.SKIPPED ? t.getMessage() : describe(t))
                .orElse(null);
        add(test, status, message);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        finish(null);
    }

    /**
     * Ends the run, recording {@code runError} (else the reason the run stopped, if it did). Writes
     * the summary and the JUnit XML; when they cannot be written, the returned summary's run error
     * says so.
     */
    public RunSummary finish(String runError) {
        // Outside the lock: the queued journal lines take it.
        writes.drain();
        return finishWritten(runError);
    }

    private synchronized RunSummary finishWritten(String runError) {
        if (runError != null) {
            stop.stop(runError);
        }
        if (summary == null || runError != null) {
            closeJournal();
            reserve.release();
            Instant begin = started == null ? clock.instant() : started;
            String error = stop.reason().orElse(null);
            summary = new RunSummary(runId, begin, clock.instant(), targetFacts.get(), suite, records, waivers, error);
            try {
                SummaryWriter.write(summary, runDir);
                JUnitXmlReport.write(runId, records, runDir);
            } catch (java.io.UncheckedIOException e) {
                summary = new RunSummary(runId, begin, summary.finished(), summary.target(), suite, records, waivers,
                        (error == null ? "" : error + "; ") + e.getMessage());
            }
        }
        return summary;
    }

    /** Tests that finished in this run but whose result could not be written, by unique ID. */
    public java.util.Set<String> unrecorded() {
        return java.util.Set.copyOf(unrecorded);
    }

    public RunSummary summary() {
        return summary;
    }

    static TestStatus status(TestExecutionResult result) {
        return switch (result.getStatus()) {
            case SUCCESSFUL -> TestStatus.PASSED;
            case ABORTED -> TestStatus.SKIPPED;
            case FAILED -> result.getThrowable().filter(t -> t instanceof AssertionError).isPresent()
                    ? TestStatus.FAILED : TestStatus.BROKEN;
        };
    }

    /** A failure's message as the reports keep it; an error's with the exception's name. */
    static String describe(Throwable throwable) {
        String message = throwable.getMessage();
        return throwable instanceof AssertionError ? String.valueOf(message)
                : throwable.getClass().getSimpleName() + ": " + message;
    }

    private void add(TestIdentifier test, TestStatus status, String message) {
        if (resumed.contains(test.getUniqueId())) {
            return;
        }
        Instant begin = startedAt.getOrDefault(test.getUniqueId(), clock.instant());
        long millis = java.time.Duration.between(begin, clock.instant()).toMillis();
        TestRecord record = new TestRecord(test.getUniqueId(), TestNames.of(plan, test), TestNames.tags(plan, test),
                status, millis, message);
        writes.submit(() -> append(record));
    }

    private synchronized void append(TestRecord record) {
        if (stop.stopped()) {
            // Stopped before this line's turn (a full disk, maybe this test's own Allure files; the rest
            // of a skipped container): the other reports may have written it, and must drop it as the journal does.
            unrecorded.add(record.id());
            return;
        }
        try {
            if (journal == null) {
                journal = ResultJournal.open(runDir.resolve(StoredRun.JOURNAL), ResultJournal.DEFAULT);
            }
            journal.append(record);
            records.add(record);
        } catch (UncheckedIOException e) {
            unrecorded.add(record.id());
            stop.stop(e.getMessage());
        }
    }

    /** Gives up a run that never began its tests: the journal is closed and the kept space given back, nothing written. */
    public synchronized void discard() {
        closeJournal();
        reserve.release();
    }

    private void closeJournal() {
        if (journal != null) {
            try {
                journal.close();
            } catch (UncheckedIOException e) {
                // Every line but the last was on disk before the next was written; a last line whose
                // flush failed is cut off, and a resumed run runs its test again.
            }
            journal = null;
        }
    }
}
