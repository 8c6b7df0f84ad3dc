package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@DisplayName("Allure results of a test whose fixture fails")
class AllureFixtureSafeListenerSelfTests {
    @TempDir
    Path results;

    /** Run only through the launcher below: a @BeforeEach that fails with an error, not an assertion. */
    static class FailingFixture {
        @BeforeEach
        void boot() {
            throw new IllegalStateException("the partition did not answer");
        }

        @Test
        void needsThePartition() {
        }
    }

    @Test
    @DisplayName("records the test as broken with the fixture's message, and the listener throws nothing")
    void brokenWithMessage() throws IOException {
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
        List<Throwable> thrown = new ArrayList<>();
        TestExecutionListener listener = new Recording(new AllureFixtureSafeListener(new AllureJunitPlatform(lifecycle)),
                thrown);
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(FailingFixture.class))
                        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true").build(),
                        listener);

        assertThat(thrown).as("exceptions from the Allure listener").isEmpty();
        assertThat(read("-result.json")).as("the test").containsPattern("\"status\"\\s*:\\s*\"broken\"")
                .contains("the partition did not answer");
        assertThat(read("-container.json")).as("its fixture").containsPattern("\"name\"\\s*:\\s*\"boot\"")
                .containsPattern("\"status\"\\s*:\\s*\"broken\"").contains("the partition did not answer");
    }

    private String read(String suffix) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }

    /** Passes every event on, keeping what the listener throws instead of letting the launcher log it. */
    private record Recording(TestExecutionListener listener, List<Throwable> thrown) implements TestExecutionListener {
        private void guard(Runnable event) {
            try {
                event.run();
            } catch (RuntimeException e) {
                thrown.add(e);
            }
        }

        @Override
        public void testPlanExecutionStarted(TestPlan plan) {
            guard(() -> listener.testPlanExecutionStarted(plan));
        }

        @Override
        public void testPlanExecutionFinished(TestPlan plan) {
            guard(() -> listener.testPlanExecutionFinished(plan));
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            guard(() -> listener.executionStarted(test));
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            guard(() -> listener.executionFinished(test, result));
        }

        @Override
        public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
            guard(() -> listener.reportingEntryPublished(test, entry));
        }
    }
}
