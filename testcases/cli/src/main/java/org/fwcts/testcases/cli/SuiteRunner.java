package org.fwcts.testcases.cli;

import org.fwcts.reports.allure.AllureResultsListener;
import org.fwcts.targets.text.UntrustedText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.fwcts.harness.agent.AgentProtocolException;
import org.fwcts.reports.StoredRun;
import org.fwcts.reports.ProgressPrinter;
import org.fwcts.reports.ReportQueue;
import org.fwcts.reports.RunFiles;
import org.fwcts.reports.RunRecorder;
import org.fwcts.reports.RunDigest;
import org.fwcts.reports.RunSummary;
import org.fwcts.reports.SuiteInfo;
import org.fwcts.reports.allure.AllureCategories;
import org.fwcts.reports.allure.AllureEnvironment;
import org.fwcts.reports.waiver.Waivers;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.TargetCatalog;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.testcases.support.TestRun;
import org.fwcts.testcases.support.TestRuns;
import org.fwcts.testcases.support.TargetUnresponsiveException;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Runs the selected conformance tests against one target and writes the run's reports:
 * Allure results (with categories and environment), JUnit XML, the console log, the results
 * journal and the summary.
 *
 * <p>Everything that can be wrong with the input (target name, descriptor, profile, images,
 * test selection, QEMU binary, ports) is found before any test runs; then nothing is left on
 * disk and a {@link TargetException} says what is wrong.
 */
public final class SuiteRunner {
    /** Exceptions that mean the target, not the harness, kept a test from a verdict. */
    private static final List<Class<? extends Exception>> TARGET_ERRORS = List.of(TargetUnresponsiveException.class,
            TargetException.class, AgentProtocolException.class);

    private final ProjectLayout layout;
    private final PrintStream out;
    private final Clock clock;
    private final ProgressPrinter.Mode progress;
    private org.fwcts.harness.faults.FaultSchedule faults;
    private final List<org.junit.platform.launcher.TestExecutionListener> observers = new java.util.ArrayList<>();

    public SuiteRunner(ProjectLayout layout, PrintStream out, Clock clock, ProgressPrinter.Mode progress) {
        this.layout = layout;
        this.out = out;
        this.clock = clock;
        this.progress = progress;
    }

    /** Damages the agent console's lines as {@code schedule} says (null: no faults), to test recovery. */
    public void injectFaults(org.fwcts.harness.faults.FaultSchedule schedule) {
        faults = schedule;
    }

    /** Also tells {@code observer} of every test's events, after the run's reporters (a benchmark's timing). */
    public void observeWith(org.junit.platform.launcher.TestExecutionListener observer) {
        observers.add(observer);
    }

    /**
     * Runs the suite; the run's folder is {@code runDir}, or a new one under reports/ when null.
     * The summary applies {@code waivers}.
     */
    public RunSummary run(String targetName, SuiteSelection selection, Path runDir, Waivers waivers) {
        return run(targetName, selection, runDir, waivers, false);
    }

    /**
     * Runs the suite as {@link #run(String, SuiteSelection, Path, Waivers)} does; with
     * {@code bootPerTest} the target boots afresh before every test (to measure what shared boots
     * save).
     */
    public RunSummary run(String targetName, SuiteSelection selection, Path runDir, Waivers waivers,
            boolean bootPerTest) {
        try (SignalStop signals = SignalStop.install(out)) {
            return run(targetName, selection, runDir, waivers, bootPerTest, signals);
        }
    }

    private RunSummary run(String targetName, SuiteSelection selection, Path runDir, Waivers waivers,
            boolean bootPerTest, SignalStop signals) {
        Launcher launcher = SuiteAhead.launcher();
        // Discovered once, with the ID the run will be opened under: executing the plan discovers nothing again.
        // It was begun before the command line was parsed, or starts first now, on a thread of its own, and runs
        // while the descriptor is read and the target prepared.
        Optional<SuiteAhead.EarlyDiscovery> early = SuiteAhead.discoveryFor(selection);
        String runKey = early.map(SuiteAhead.EarlyDiscovery::runKey).orElseGet(TestRuns::newId);
        BackgroundDiscovery discovery = early.map(ahead -> BackgroundDiscovery.of(ahead.plan()))
                .orElseGet(() -> BackgroundDiscovery.start(launcher,
                        () -> selection.request(Map.of(TestRuns.PARAMETER, runKey), List.of(), testIndex())));
        TargetDescriptor descriptor;
        String runId;
        Path dir;
        try {
            descriptor = new TargetCatalog(layout.targetsDir()).find(targetName);
            descriptor.warnings().forEach(warning -> System.err.println("fwcts: warning: " + warning));
            StartupPhases.mark("target descriptor read");
            runId = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + descriptor.name();
            dir = runDir != null ? runDir : layout.reportsDir().resolve(runId);
            if (Files.exists(dir)) {
                throw new TargetException(dir + ": the run folder exists already; choose another (nothing was overwritten)");
            }
        } catch (RuntimeException e) {
            discovery.close();
            throw e;
        }
        try (discovery; RunFolderLock lock = RunFolderLock.create(dir); ReportQueue writes = ReportQueue.background()) {
            TestRun run = prepareOrDiscard(descriptor, dir);
            StartupPhases.mark("target prepared");
            run.bootPerTest(bootPerTest);
            if (faults != null) {
                run.injectFaults(faults);
            }
            Started started = startWhileBooting(discovery, selection, run, dir, () -> {
                new RunInvocation(runId, targetName, selection.tags(), selection.names(),
                        RunInvocation.ModelSetup.of(descriptor)).write(dir);
                return new RunRecorder(runId, dir, run::facts, ModelRules.suiteInfo(), waivers, clock, run.stop(), writes);
            });
            StartupPhases.mark("tests discovered");
            TestPlan plan = started.plan();
            RunRecorder recorder = started.recorder();
            try (run) {
                bootOrDiscard(run, dir, recorder);
                StartupPhases.mark("booted");
                signals.recordWith(recorder, dir);
                out.printf("FWCTS: %s booted (%s); results in %s%n", descriptor.name(),
                        UntrustedText.line(run.facts().get("agent")), dir);
                RunSummary summary = execute(launcher, plan, runKey, run, recorder, writes, java.util.Set.of());
                KnownDeviations.hint(descriptor.file(), summary, Path.of("").toAbsolutePath()).ifPresent(out::println);
                return summary;
            }
        }
    }

    /**
     * Finishes the interrupted run in {@code runDir}: its finished tests stay as recorded, the
     * rest run now on a fresh boot, and the summary covers both.
     */
    public RunSummary resume(Path runDir, Waivers waivers) {
        RunInvocation.requireIn(runDir);
        // Read under the lock: a run still writing its folder may not have finished run.json.
        try (SignalStop signals = SignalStop.install(out); RunFolderLock lock = RunFolderLock.lock(runDir)) {
            return resume(runDir, RunInvocation.read(runDir), waivers, signals);
        }
    }

    private RunSummary resume(Path runDir, RunInvocation invocation, Waivers waivers, SignalStop signals) {
        StoredRun interrupted;
        try {
            interrupted = StoredRun.read(runDir);
        } catch (IllegalArgumentException e) {
            throw new TargetException(e.getMessage(), e);
        }
        TargetDescriptor descriptor = new TargetCatalog(layout.targetsDir()).find(invocation.target());
        Launcher launcher = SuiteAhead.launcher();
        TestRun run = TestRun.prepare(descriptor, layout, runDir);
        java.util.Set<String> finished = new java.util.HashSet<>();
        interrupted.records().forEach(record -> finished.add(record.id()));
        run.resumeAfter(finished);
        if (faults != null) {
            run.injectFaults(faults);
        }
        try (run; ReportQueue writes = ReportQueue.background()) {
            run.firmware();
            out.printf("FWCTS: resuming %s: %d test(s) finished before, the rest run now%n", invocation.runId(),
                    finished.size());
            // A result Allure got but the journal did not (the kill came between them) belongs to a test that runs again.
            AllureResultPruning.remove(runDir.resolve(RunFiles.ALLURE_RESULTS), id -> !finished.contains(id));
            RunRecorder recorder = new RunRecorder(invocation.runId(), runDir, run::facts, ModelRules.suiteInfo(),
                    waivers, clock, run.stop(), writes);
            recorder.resume(interrupted.records());
            signals.recordWith(recorder, runDir);
            PostDiscoveryFilter notFinished = test -> finished.contains(test.getUniqueId().toString())
                    ? FilterResult.excluded("finished before the run was interrupted")
                    : FilterResult.included("not run yet");
            String runKey = TestRuns.newId();
            TestPlan plan = launcher.discover(invocation.selection().request(Map.of(TestRuns.PARAMETER, runKey),
                    List.of(notFinished), testIndex()));
            return execute(launcher, plan, runKey, run, recorder, writes, finished);
        }
    }

    /** The catalogue's test index, kept between runs under the project's .fwcts folder. */
    private TestIndex testIndex() {
        return SuiteAhead.index(layout);
    }

    /** Checks the input; when it is bad, the folder this run just created goes again. */
    private TestRun prepareOrDiscard(TargetDescriptor descriptor, Path dir) {
        try {
            return TestRun.prepare(descriptor, layout, dir);
        } catch (RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    /** A run's discovered tests and its recorder, ready before the first boot is. */
    private record Started(TestPlan plan, RunRecorder recorder) {
    }

    /**
     * Starts the first boot and, meanwhile, sets down the run's record ({@code recorder} writes the
     * run's invocation and makes its recorder: the journal, the space kept for the summary) and
     * checks that the selection has tests, all three at once. When the boot cannot start or nothing
     * matches, the run stops and its folder goes again.
     */
    private Started startWhileBooting(BackgroundDiscovery discovery, SuiteSelection selection, TestRun run, Path dir,
            Supplier<RunRecorder> recorder) {
        RunRecorder made = null;
        try {
            run.bootStrategy().bootAhead();
            made = recorder.get();
            TestPlan plan = discovery.plan();
            if (!plan.containsTests()) {
                throw new TargetException("no conformance test matches " + selection.describe() + " (see ./fwcts list)");
            }
            return new Started(plan, made);
        } catch (RuntimeException e) {
            if (made != null) {
                made.discard();
            }
            run.close();
            deleteTree(dir);
            throw e;
        }
    }

    private void bootOrDiscard(TestRun run, Path dir, RunRecorder recorder) {
        try {
            run.firmware();
        } catch (RuntimeException e) {
            recorder.discard();
            run.close();
            deleteTree(dir);
            throw e;
        }
    }

    /**
     * Runs {@code plan} (discovered with {@code runKey} as the run's parameter) with the run's reporters, which write
     * through {@code writes}; {@code finishedBefore} (tests of the run this one
     * resumes) and tests due after the run stopped reach none of them. The JUnit XML is written with
     * the summary, from the same records.
     */
    private RunSummary execute(Launcher launcher, TestPlan plan, String runKey, TestRun run, RunRecorder recorder,
            ReportQueue writes, java.util.Set<String> finishedBefore) {
        Path dir = run.runDir();
        Path results = dir.resolve(RunFiles.ALLURE_RESULTS);
        // Before the recorder in the listeners and in the queue: a test's Allure files are written before its journal line.
        AllureResultsListener allure = new AllureResultsListener(results, run.stop(), writes);
        AllureCategories.write(results, TARGET_ERRORS.stream().map(Class::getSimpleName).toList());
        TestRuns.open(runKey, run);
        StartupPhases.mark("reporters ready");
        try {
            launcher.execute(plan, new RunEventFilter(reporters(allure, recorder), finishedBefore, run.stop(),
                    () -> run.transcript().writeFailure()));
        } finally {
            TestRuns.close(runKey);
        }
        RunSummary summary = recorder.finish(null);
        // Only a run that stopped can leave results without a journal line; reading them all costs a run's end Jackson.
        if (run.stop().stopped() || !recorder.unrecorded().isEmpty()) {
            AllureResultPruning.remove(results, recorder.unrecorded()::contains);
        }
        if (summary.runError() == null) {
            Map<String, String> environment = new LinkedHashMap<>(summary.target());
            environment.put("suite", SuiteInfo.NAME + " " + summary.suite().version());
            AllureEnvironment.write(results, summary.runId(), environment);
        }
        out.printf("%nFWCTS %s: %s — %d tests: %s%n", summary.runId(), summary.verdictLine(), summary.tests().size(),
                summary.counts());
        RunDigest.lines(summary).forEach(out::println);
        out.printf("%s%nSummary: %s%n", bootReport(run, summary), dir.resolve(RunFiles.SUMMARY_MD));
        if (summary.runError() != null) {
            out.printf("The run stopped: %s%nWhat finished is kept; ./fwcts run --resume %s runs the rest.%n",
                    summary.runError(), dir);
        }
        return summary;
    }

    private List<org.junit.platform.launcher.TestExecutionListener> reporters(AllureResultsListener allure,
            RunRecorder recorder) {
        List<org.junit.platform.launcher.TestExecutionListener> reporters = new java.util.ArrayList<>(List.of(allure, recorder,
                ProgressPrinter.forConsole(out, clock, progress)));
        reporters.addAll(observers);
        return reporters;
    }

    /**
     * The boots as measured, and, labelled as an estimate, what one boot per test that ran (skipped
     * tests boot nothing) would cost at the measured mean; {@code --boot-per-test} measures it.
     */
    private String bootReport(TestRun run, RunSummary summary) {
        java.util.List<java.time.Duration> times = run.bootTimes();
        long total = times.stream().mapToLong(java.time.Duration::toMillis).sum();
        double mean = times.isEmpty() ? 0 : total / (double) times.size();
        long ran = summary.tests().stream().filter(t -> t.status() != org.fwcts.reports.TestStatus.SKIPPED).count();
        String measured = String.format("Boots: %d (measured: mean %.2f s, %.1f s in all)", times.size(), mean / 1000,
                total / 1000.0);
        if (ran <= times.size()) {
            return measured;
        }
        return measured + String.format("; estimate: one boot for each of the %d tests that ran would take about"
                + " %.1f s of booting at that mean (--boot-per-test measures it)", ran, ran * mean / 1000);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: the error that led here is what the user needs to see.
        }
    }
}
