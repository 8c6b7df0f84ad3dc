package org.fwcts.testcases.support;

import java.nio.file.Path;
import java.util.Optional;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.fwcts.harness.pipeline.Judgement;
import org.fwcts.reports.allure.TestReport;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.descriptor.TargetCatalog;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives conformance tests the {@link Firmware} of the current run, labels each test's report
 * with its area and rule, and attaches the test's model trace and console excerpt.
 *
 * <p>The CLI opens the run and names it in the {@code fwcts.run} configuration parameter; a test
 * started some other way (an IDE) gets a run of its own on the target named by the
 * {@code fwcts.target} configuration parameter.
 */
public final class TargetExtension implements ParameterResolver, BeforeEachCallback, AfterEachCallback,
        ExecutionCondition {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TargetExtension.class);
    private static final String MARK = "console-mark";

    /** In a resumed run, tests the interrupted run finished are not run again; nothing runs once the run stopped. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<TestRun> active = context.getConfigurationParameter(TestRuns.PARAMETER).flatMap(TestRuns::find);
        if (active.isPresent() && active.get().finishedBefore(context.getUniqueId())) {
            return ConditionEvaluationResult.disabled("finished before the run was interrupted");
        }
        if (active.isPresent() && active.get().stop().stopped()) {
            return ConditionEvaluationResult.disabled("the run stopped: " + active.get().stop().reason().orElse(""));
        }
        return ConditionEvaluationResult.enabled("not run yet");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Firmware.class || type == FfaFirmware.class || type == RmmHost.class || type == TestRun.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestRun run = run(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == TestRun.class) {
            return run;
        }
        if (type == RmmHost.class) {
            return run.rmm();
        }
        return type == FfaFirmware.class ? run.ffa() : run.firmware();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestRun run = run(context);
        run.beforeTest(freshBootNeed(context, run));
        TestLabels.of(context.getTags()).forEach(TestReport::label);
        run.pipeline().beginTest(context.getUniqueId());
        context.getStore(NAMESPACE).put(MARK, run.transcript().mark());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestRun run = run(context);
        List<Judgement> calls = run.pipeline().endTest();
        if (CallTrace.hasChecks(calls)) {
            // The calls are kept as they were judged: their trace is built when the result is written.
            TestReport.attach("model trace", ".txt", () -> CallTrace.describe(calls));
        }
        Long mark = context.getStore(NAMESPACE).get(MARK, Long.class);
        if (mark != null) {
            String console = run.transcript().since(mark);
            TestReport.attach("console", ".log", () -> console);
        }
        Optional<String> failure = run.targetFailure();
        if (failure.isPresent()) {
            String evidence = run.failureEvidence();
            TestReport.attach("console tail at target failure", ".log", () -> evidence);
            run.targetFailed(context.getDisplayName(), failure.get());
            if (context.getExecutionException().isEmpty()) {
                // The test did not notice (it made no checked call after the failure): no verdict all the same.
                throw new TargetUnresponsiveException("the target failed during the test: " + failure.get());
            }
            return;
        }
        run.afterTest(context.getDisplayName());
        if (context.getExecutionException().isEmpty()) {
            TestVerdicts.settle(calls);
        }
    }

    /** The test's name when it (or its class) needs a fresh boot and the current boot, as the model shows it, does not serve. */
    private static Optional<String> freshBootNeed(ExtensionContext context, TestRun run) {
        Optional<FreshBoot> need = context.getTestMethod().flatMap(m -> Optional.ofNullable(m.getAnnotation(FreshBoot.class)));
        if (need.isEmpty()) {
            need = context.getTestClass().flatMap(c -> Optional.ofNullable(c.getAnnotation(FreshBoot.class)));
        }
        if (need.isPresent() && need.get().unless() == FreshBoot.Unless.VERSION_NOT_NEGOTIATED
                && run.versionNotNegotiated()) {
            return Optional.empty();
        }
        return need.map(n -> context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName() + " (" + n.value() + ")");
    }

    /** The active run, or one started for this test engine's lifetime. */
    static TestRun run(ExtensionContext context) {
        Optional<TestRun> started = context.getConfigurationParameter(TestRuns.PARAMETER).flatMap(TestRuns::find);
        if (started.isPresent()) {
            return started.get();
        }
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(TestRun.class, key -> standalone(context), OwnedRun.class).run();
    }

    private static OwnedRun standalone(ExtensionContext context) {
        ProjectLayout layout = ProjectLayout.discover();
        String target = context.getConfigurationParameter("fwcts.target").orElse("qemu-virt");
        String runId = "standalone-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDir = layout.reportsDir().resolve(runId);
        return new OwnedRun(TestRun.prepare(new TargetCatalog(layout.targetsDir()).find(target), layout, runDir));
    }

    /** A run this extension started, closed when the test engine finishes. */
    private record OwnedRun(TestRun run) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            run.close();
        }
    }
}
