package org.fwcts.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * the moment it is known, and the summary is written when the run ends.
 */
public final class RunRecorder implements TestExecutionListener {
    private static final ObjectMapper JSON = new ObjectMapper();

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
    public void resume(List<TestRecord> finished) {
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

    /** Ends the run, recording {@code runError} when the run stopped as a whole. Writes the summary. */
    public synchronized RunSummary finish(String runError) {
        if (summary == null || runError != null) {
            Instant begin = started == null ? clock.instant() : started;
            summary = new RunSummary(runId, begin, clock.instant(), targetFacts.get(), suite, records, waivers, runError);
            SummaryWriter.write(summary, runDir);
        }
        return summary;
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

    private static String describe(Throwable throwable) {
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
        records.add(record);
        journal(record);
    }

    private void journal(TestRecord record) {
        try {
            Files.createDirectories(runDir);
            String line = JSON.writeValueAsString(record) + "\n";
            Files.writeString(runDir.resolve(RunFiles.RESULTS), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + runDir.resolve(RunFiles.RESULTS), e);
        }
    }
}
