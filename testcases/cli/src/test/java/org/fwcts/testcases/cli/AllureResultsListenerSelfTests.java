package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.time.Clock;
import org.fwcts.reports.ReportQueue;
import org.fwcts.reports.RunRecorder;
import org.fwcts.reports.RunStop;
import org.fwcts.reports.TestRecord;
import org.fwcts.reports.waiver.Waivers;
import org.fwcts.reports.allure.AllureResultsListener;
import org.fwcts.reports.allure.TestReport;
import org.fwcts.targets.text.UntrustedText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@DisplayName("The run's Allure results listener")
class AllureResultsListenerSelfTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    /**
     * Run only through the launcher below: every kind of outcome, fixtures, parameters, labels and
     * attachments. Its tags are none the catalogue's selections or rule checks look for.
     */
    @DisplayName("a sample of outcomes")
    @Tag("sample")
    @Tag("sample:outcomes")
    static class Outcomes {
        @BeforeEach
        void prepare() {
            TestReport.attach("fixture note", ".txt", () -> "prepared\n");
        }

        @AfterEach
        void tidy() {
        }

        @Test
        @DisplayName("passes with labels and attachments")
        void passes() {
            TestReport.label("story", "SAMPLE.ONE");
            TestReport.label("spec", "DEN0077A 13.2");
            TestReport.attach("registers: predicted vs observed", ".txt", () -> "x0  0x84000063  0x84000063\n");
            TestReport.attach("console", ".log", () -> "FWCTS-AGENT ready\r\nOK\n");
        }

        @Test
        void failsWithValues() {
            assertThat(1).as("the version").isEqualTo(2);
        }

        @Test
        void failsWithMessage() {
            throw new AssertionError("the target contradicts the model");
        }

        @Test
        void breaks() {
            throw new IllegalStateException("the partition did not answer");
        }

        @Test
        void aborts() {
            Assumptions.assumeTrue(false, "needs a second partition");
        }

        @Test
        @Disabled("not on this target")
        void disabled() {
        }

        @ParameterizedTest(name = "version {0}")
        @ValueSource(ints = {1, 2})
        void parameterized(int version) {
            TestReport.label("story", "SAMPLE.V" + version);
        }
    }

    /** A class whose @BeforeEach fails with an error that is not an assertion. */
    static class FailingFixture {
        @BeforeEach
        void boot() {
            throw new IllegalStateException("the partition did not answer");
        }

        @Test
        void needsThePartition() {
        }
    }

    /** A class whose @BeforeAll fails: Allure shows the class as a result of its own. */
    static class FailingClass {
        @BeforeAll
        static void bootOnce() {
            throw new IllegalStateException("no boot");
        }

        @Test
        void first() {
        }
    }

    @Disabled("the whole class is off")
    static class DisabledClass {
        @Test
        void one() {
        }

        @Test
        void two() {
        }
    }

    private static final List<Class<?>> SAMPLE = List.of(Outcomes.class, FailingFixture.class, FailingClass.class,
            DisabledClass.class);

    @Test
    @DisplayName("writes the results, containers and attachments Allure's own listener writes, field by field")
    void sameAsAllures() throws IOException {
        assertSameAsAllures("plain");
    }

    @Test
    @DisplayName("the same with a label the user gives every test (an allure.label.NAME property)")
    void sameAsAllursWithProvidedLabel() throws IOException {
        System.setProperty("allure.label.owner", "firmware-team");
        try {
            assertSameAsAllures("provided");
        } finally {
            System.clearProperty("allure.label.owner");
        }
    }

    private void assertSameAsAllures(String name) throws IOException {
        Path allures = work.resolve(name + "-allure");
        Path ours = work.resolve(name + "-ours");
        AllureLifecycle previous = Allure.getLifecycle();
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(allures));
        Allure.setLifecycle(lifecycle);
        try {
            run(new FixtureEventsCompleted(new AllureJunitPlatform(lifecycle)));
        } finally {
            Allure.setLifecycle(previous);
        }
        List<Throwable> thrown = new ArrayList<>();
        run(new Recording(new AllureResultsListener(ours, new RunStop()), thrown));

        assertThat(thrown).as("exceptions from the listener").isEmpty();
        Map<String, JsonNode> expected = comparable(allures, true);
        Map<String, JsonNode> actual = comparable(ours, false);
        assertThat(actual.keySet()).as("results and containers").isEqualTo(expected.keySet());
        assertThat(expected.keySet()).as("the sample's results").hasSizeGreaterThan(12);
        List<String> differences = new ArrayList<>();
        for (String key : expected.keySet()) {
            expected.get(key).fieldNames().forEachRemaining(field -> {
                if (!expected.get(key).get(field).equals(actual.get(key).get(field))) {
                    differences.add(key + ": " + field + ": Allure's " + expected.get(key).get(field) + ", ours "
                            + actual.get(key).get(field));
                }
            });
            actual.get(key).fieldNames().forEachRemaining(field -> {
                if (!expected.get(key).has(field)) {
                    differences.add(key + ": " + field + " only in ours");
                }
            });
        }
        assertThat(differences).as("fields that differ").isEmpty();
    }

    @Test
    @DisplayName("escapes a message for HTML and makes an attachment's control characters visible")
    void escapesTargetText() throws IOException {
        Path ours = work.resolve("ours");
        run(new AllureResultsListener(ours, new RunStop()));
        String results = read(ours, "-result.json");
        assertThat(results).contains("\"status\":\"broken\"").contains("the partition did not answer")
                .contains("\"name\":\"story\",\"value\":\"SAMPLE.ONE\"");
        assertThat(read(ours, "-container.json")).contains("\"name\":\"boot\"").contains("\"status\":\"broken\"");
        assertThat(read(ours, "-attachment.log")).contains("FWCTS-AGENT ready\\x0d\nOK\n");
    }

    @Test
    @DisplayName("writes nothing once the run has stopped")
    void nothingAfterStop() throws IOException {
        Path ours = work.resolve("ours");
        RunStop stop = new RunStop();
        stop.stop("the disk is full");
        run(new AllureResultsListener(ours, stop));
        try (Stream<Path> files = Files.list(ours)) {
            assertThat(files).isEmpty();
        }
    }

    /** Run only by {@link #journalFollowsAllure}: its test moves the Allure folder away, so that its own result cannot be written. */
    @Tag("sample")
    static class MovesTheResults {
        static Path results;

        @Test
        void movesTheFolder() throws IOException {
            Files.move(results, results.resolveSibling("moved"));
            Files.writeString(results, "a file where the folder was");
        }
    }

    @ParameterizedTest(name = "written {0}")
    @ValueSource(strings = {"on a thread of their own", "on the spot"})
    @DisplayName("a test whose Allure result cannot be written is not in the journal either, and the run stops")
    // The run's reporters in the run's order (JUnit itself tells listeners of a test's end last to first).
    void journalFollowsAllure(String how) throws IOException {
        Path results = work.resolve("allure-results");
        MovesTheResults.results = results;
        Path runDir = Files.createDirectories(work.resolve("run"));
        RunStop stop = new RunStop();
        RunRecorder recorder;
        try (ReportQueue writes = how.startsWith("on a thread") ? ReportQueue.background() : ReportQueue.inline()) {
            recorder = new RunRecorder("sample", runDir, Map::of, ModelRules.suiteInfo(), Waivers.none(),
                    Clock.systemUTC(), stop, writes);
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(Outcomes.class), selectClass(MovesTheResults.class));
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                    .execute(request.build(), new RunEventFilter(List.of(new AllureResultsListener(results, stop, writes), recorder),
                            java.util.Set.of(), stop, java.util.Optional::empty));
        }

        assertThat(stop.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("cannot write Allure results"));
        List<String> written = new ArrayList<>();
        try (Stream<Path> files = Files.list(work.resolve("moved"))) {
            for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                JSON.readTree(file.toFile()).get("labels").forEach(label -> {
                    if (label.get("name").asText().equals("junit.platform.uniqueid")) {
                        written.add(label.get("value").asText());
                    }
                });
            }
        }
        List<String> journal = recorder.summary().tests().stream().map(TestRecord::id).toList();
        // The test that moved the folder has no journal line: either its result was dropped, or (written on a thread
        // of their own) an earlier test's write failed first and the run stopped while it ran, which cuts it off.
        assertThat(journal).as("tests in the journal").noneMatch(id -> id.contains("movesTheFolder"))
                .allMatch(written::contains);
    }

    private static void run(TestExecutionListener... listeners) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true");
        SAMPLE.forEach(type -> request.selectors(selectClass(type)));
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(request.build(), listeners);
    }

    /**
     * Each result and container of {@code dir}, by test name or container name and children, with
     * what differs from run to run left out (UUIDs, times, identity hash codes) and attachments
     * inlined. Allure's own text is made safe as the run's listener makes it.
     */
    private static Map<String, JsonNode> comparable(Path dir, boolean makeSafe) throws IOException {
        Map<String, String> testNames = new HashMap<>();
        List<ObjectNode> results = new ArrayList<>();
        List<ObjectNode> containers = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith("-result.json")) {
                    ObjectNode result = (ObjectNode) JSON.readTree(file.toFile());
                    testNames.put(result.get("uuid").asText(), result.get("fullName").asText() + " " + result.get("name").asText());
                    results.add(result);
                } else if (name.endsWith("-container.json")) {
                    containers.add((ObjectNode) JSON.readTree(file.toFile()));
                }
            }
        }
        Map<String, JsonNode> comparable = new TreeMap<>();
        for (ObjectNode result : results) {
            String key = "result " + testNames.get(result.get("uuid").asText());
            normalise(result, dir, makeSafe);
            comparable.put(key, result);
        }
        for (ObjectNode container : containers) {
            List<String> children = new ArrayList<>();
            container.get("children").forEach(child -> children.add(testNames.get(child.asText())));
            children.sort(null);
            container.remove("children");
            normalise(container, dir, makeSafe);
            for (String list : List.of("befores", "afters")) {
                // Allure records a fixture's failure with what our workaround of its missing keys gave it.
                for (JsonNode fixture : container.get(list)) {
                    if (fixture.path("statusDetails") instanceof ObjectNode details) {
                        details.remove(List.of("actual", "expected"));
                    }
                }
            }
            comparable.put("container " + container.get("name").asText() + " " + children, container);
        }
        return comparable;
    }

    private static void normalise(ObjectNode item, Path dir, boolean makeSafe) throws IOException {
        item.remove(List.of("uuid", "start", "stop"));
        JsonNode details = item.get("statusDetails");
        if (details instanceof ObjectNode fields) {
            for (String field : List.of("message", "trace", "actual", "expected")) {
                if (fields.hasNonNull(field)) {
                    String text = fields.get(field).asText();
                    if (makeSafe) {
                        text = UntrustedText.html(text, field.equals("trace") ? 100_000 : UntrustedText.BLOCK_LIMIT);
                    }
                    // The two runs start from different lines of this class, and compared values have identity hashes.
                    fields.put(field, text.replaceAll("AllureResultsListenerSelfTests.java:\\d+", "")
                            .replaceAll("@[0-9a-f]+", "@hash"));
                }
            }
        }
        ArrayNode attachments = (ArrayNode) item.get("attachments");
        if (attachments != null) {
            for (JsonNode attachment : attachments) {
                ObjectNode fields = (ObjectNode) attachment;
                String text = Files.readString(dir.resolve(fields.get("source").asText()));
                fields.set("source", new TextNode(makeSafe ? UntrustedText.lines(text, UntrustedText.ATTACHMENT_LIMIT) : text));
            }
        }
        for (String list : List.of("befores", "afters", "steps")) {
            if (item.get(list) != null) {
                for (JsonNode nested : item.get(list)) {
                    normalise((ObjectNode) nested, dir, makeSafe);
                }
            }
        }
    }

    private static String read(Path dir, String suffix) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }

    /**
     * Allure's listener with the keys it dereferences added to a fixture failure: without them it
     * throws on a fixture error that is not an assertion (Allure 2.35, {@code failFixture}).
     */
    private record FixtureEventsCompleted(AllureJunitPlatform allure) implements TestExecutionListener {
        @Override
        public void testPlanExecutionStarted(TestPlan plan) {
            allure.testPlanExecutionStarted(plan);
        }

        @Override
        public void testPlanExecutionFinished(TestPlan plan) {
            allure.testPlanExecutionFinished(plan);
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
            Map<String, String> values = new HashMap<>(entry.getKeyValuePairs());
            if (values.containsKey(AllureJunitPlatform.ALLURE_FIXTURE) && "failure".equals(values.get("event"))) {
                values.putIfAbsent("status", "broken");
                values.putIfAbsent("message", "the fixture failed without a message");
                values.putIfAbsent("trace", values.get("message"));
                values.putIfAbsent("actual", "-");
                values.putIfAbsent("expected", "-");
                entry = ReportEntry.from(values);
            }
            allure.reportingEntryPublished(test, entry);
        }
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
        public void executionSkipped(TestIdentifier test, String reason) {
            guard(() -> listener.executionSkipped(test, reason));
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
