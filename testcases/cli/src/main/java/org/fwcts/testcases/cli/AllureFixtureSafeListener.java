package org.fwcts.testcases.cli;

import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.util.HashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Allure's JUnit Platform listener with complete fixture-failure events.
 *
 * <p>Allure's Jupiter extension reports a failed {@code @BeforeEach} or {@code @AfterEach} with
 * only the keys it has: an error that is not an assertion has no "actual" and "expected" values
 * (and one without a message no "message"), and the listener then dereferences the missing value
 * ({@code AllureJunitPlatform.failFixture}), throwing a NullPointerException out of the test run
 * for every such test. This adds what is missing before the event reaches the listener, so the
 * fixture is recorded as broken and the test keeps the failure message JUnit gives it.
 */
final class AllureFixtureSafeListener implements TestExecutionListener {
    private static final String NO_MESSAGE = "the fixture failed without a message";
    private final AllureJunitPlatform allure;

    AllureFixtureSafeListener(AllureJunitPlatform allure) {
        this.allure = allure;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        allure.testPlanExecutionStarted(testPlan);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        allure.testPlanExecutionFinished(testPlan);
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        allure.executionStarted(test);
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        allure.executionSkipped(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        allure.executionFinished(test, result);
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        allure.reportingEntryPublished(test, complete(entry));
    }

    /** A fixture failure event with status, message and trace present; any other entry unchanged. */
    static ReportEntry complete(ReportEntry entry) {
        Map<String, String> values = entry.getKeyValuePairs();
        if (!values.containsKey(AllureJunitPlatform.ALLURE_FIXTURE)
                || !AllureJunitPlatform.EVENT_FAILURE.equals(values.get("event"))) {
            return entry;
        }
        Map<String, String> completed = new HashMap<>(values);
        completed.putIfAbsent("status", io.qameta.allure.model.Status.BROKEN.value());
        completed.putIfAbsent("message", NO_MESSAGE);
        completed.putIfAbsent("trace", completed.get("message"));
        // Allure 2.35 also reads the assertion's actual and expected values, which a fixture error has not.
        completed.putIfAbsent("actual", completed.get("message"));
        completed.putIfAbsent("expected", "the fixture completes");
        return ReportEntry.from(completed);
    }
}
