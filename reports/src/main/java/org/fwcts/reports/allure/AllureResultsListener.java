package org.fwcts.reports.allure;

import io.qameta.allure.model.Label;
import io.qameta.allure.util.ResultsUtils;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.fwcts.reports.RunStop;
import org.fwcts.targets.text.UntrustedText;
import org.junit.jupiter.api.DisplayName;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.opentest4j.AssertionFailedError;

/**
 * Writes a run's Allure results (one result file per test, one container per test and class,
 * attachments) in the schema and with the fields Allure's JUnit Platform listener gives them,
 * without its per-test costs: no classpath scan for the test method, no reading of Allure's
 * properties, no object mapper. Labels and attachments come from the tests through
 * {@link TestReport}; an attachment's text is built when its test's result is written. Fixture and
 * parameter events come from Allure's Jupiter extension as report entries, as Allure's listener
 * reads them.
 *
 * <p>Text from the target is made safe on the way: the report renders a status message and trace
 * as HTML, so both are escaped, and text attachments get their control characters made visible
 * and are bounded in size. A write that fails (a full disk) removes what it left of its file and
 * stops the run; once the run has stopped nothing more is written, so the Allure results hold the
 * same tests as the journal. Everything is written on the test's thread before the next event.
 *
 * <p>The catalogue's tests carry no Allure annotations (their labels come from JUnit tags and
 * {@link TestReport}), so severity, links and descriptions from annotations are not read.
 */
public final class AllureResultsListener implements TestExecutionListener {
    static final String UNIQUE_ID_LABEL = "junit.platform.uniqueid";
    private static final String FIXTURE = "allure.fixture";
    private static final String PARAMETER = "allure.parameter";
    private static final String BLANK_PREFIX = "ALLURE_REPORT_ENTRY_BLANK_PREFIX__";
    private static final String TEMPLATE_INVOCATION = "test-template-invocation";
    /** Characters of a stack trace kept in the report. */
    private static final int TRACE_LIMIT = 100_000;

    private final Path dir;
    private final RunStop stop;
    private final Map<String, String> testUuids = new HashMap<>();
    private final Map<String, Container> containers = new HashMap<>();
    private final Map<String, TestCase> openTests = new HashMap<>();
    private final Map<String, Item> openFixtures = new HashMap<>();
    private final Map<Class<?>, ClassNames> classNames = new HashMap<>();
    private final MessageDigest md5;
    private TestPlan plan;
    /** The run's labels every test gets after its tags: those the user provides, then the unique ID's place. */
    private List<Label> providedLabels = List.of();
    private String host;
    private String thread;
    /** Where a label or attachment given now goes: the running fixture, else the running test. */
    private Item current;

    public AllureResultsListener(Path dir, RunStop stop) {
        this.dir = dir;
        this.stop = stop;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5, which Allure's history IDs use", e);
        }
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        AllureHostLabels.setWithoutLookup();
        host = ResultsUtils.getHostName();
        thread = ResultsUtils.getThreadName();
        providedLabels = List.copyOf(ResultsUtils.getProvidedLabels());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            stop.stop("cannot write Allure results into " + dir + ": " + e.getMessage());
        }
        TestReport.activate(this);
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        TestReport.deactivate(this);
        plan = null;
        current = null;
    }

    @Override
    public synchronized void executionStarted(TestIdentifier test) {
        if (test.getParentId().isEmpty()) {
            return;
        }
        containers.put(test.getUniqueId(), new Container(UUID.randomUUID().toString(), test.getDisplayName(), now()));
        if (test.isTest()) {
            current = startTestCase(test);
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.getParentId().isEmpty()) {
            return;
        }
        String status = status(result);
        Details details = result.getThrowable().map(Details::of).orElse(null);
        if (test.isTest()) {
            stopTestCase(test, status, details);
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            // A container that failed (a @BeforeAll) shows as a result of its own, as Allure's listener shows it.
            startTestCase(test);
            stopTestCase(test, status, details);
        }
        stopContainer(test);
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
        if (test.getParentId().isEmpty() || plan == null) {
            return;
        }
        skipNested(test, new Details(reason, null, null, null), new HashSet<>());
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        if (test.getParentId().isEmpty()) {
            return;
        }
        Map<String, String> values = unwrap(entry.getKeyValuePairs());
        if (values.containsKey(FIXTURE)) {
            fixtureEvent(test, values);
        } else if (values.containsKey(PARAMETER)) {
            TestCase running = openTests.get(test.getUniqueId());
            if (running != null) {
                running.parameters.add(new Parameter(values.get(PARAMETER), values.get("value"), mode(values.get("mode")),
                        values.containsKey("excluded") ? Boolean.valueOf(values.get("excluded")) : null));
            }
        } else {
            if (values.containsKey("stdout")) {
                String text = values.getOrDefault("stdout", "");
                attach("Stdout", ".txt", () -> text);
            }
            if (values.containsKey("stderr")) {
                String text = values.getOrDefault("stderr", "");
                attach("Stderr", ".txt", () -> text);
            }
        }
    }

    synchronized void label(String name, String value) {
        if (current instanceof TestCase test) {
            test.labels.add(new Label().setName(name).setValue(value));
        }
    }

    synchronized void attach(String name, String extension, Supplier<String> text) {
        if (current != null) {
            String ext = extension == null || extension.isEmpty() ? "" : extension.startsWith(".") ? extension : "." + extension;
            current.attachments.add(new Attachment(name, UUID.randomUUID() + "-attachment" + ext, text));
        }
    }

    private TestCase startTestCase(TestIdentifier test) {
        String uuid = testUuids.computeIfAbsent(test.getUniqueId(), id -> UUID.randomUUID().toString());
        boolean template = TEMPLATE_INVOCATION.equals(test.getUniqueIdObject().getLastSegment().getType());
        Optional<TestIdentifier> parent = plan == null ? Optional.empty() : plan.getParent(test);
        Optional<TestSource> source = test.getSource();
        Optional<Class<?>> testClass = source.flatMap(AllureResultsListener::testClass);
        TestCase result = new TestCase(uuid, now());
        result.name = template && parent.isPresent() ? parent.get().getDisplayName() + " " + test.getDisplayName()
                : test.getDisplayName();
        result.testCaseId = template ? parent.map(TestIdentifier::getUniqueId).orElse(test.getUniqueId()) : test.getUniqueId();
        result.testCaseName = template ? parent.map(TestIdentifier::getDisplayName).orElse(test.getDisplayName())
                : test.getDisplayName();
        result.historyId = historyId(test.getUniqueId());
        result.titlePath = titlePath(test, testClass);
        for (TestTag tag : test.getTags()) {
            result.labels.add(new Label().setName("tag").setValue(tag.getName()));
        }
        if (template) {
            // Allure's listener marks each invocation apart, so that they are not taken for retries of one another.
            result.parameters.add(new Parameter("UniqueId", test.getUniqueId(), "hidden", null));
        }
        result.labels.addAll(providedLabels);
        result.labels.add(new Label().setName(UNIQUE_ID_LABEL).setValue(test.getUniqueId()));
        result.labels.add(new Label().setName("host").setValue(host));
        result.labels.add(new Label().setName("thread").setValue(thread));
        result.labels.add(new Label().setName("framework").setValue("junit-platform"));
        result.labels.add(new Label().setName("language").setValue("java"));
        if (source.orElse(null) instanceof MethodSource method) {
            result.fullName = method.getClassName() + "." + method.getMethodName();
            result.labels.add(new Label().setName("package").setValue(method.getClassName()));
            result.labels.add(new Label().setName("testClass").setValue(method.getClassName()));
            result.labels.add(new Label().setName("testMethod").setValue(method.getMethodName()));
        } else if (source.orElse(null) instanceof ClassSource type) {
            result.fullName = type.getClassName();
            result.labels.add(new Label().setName("package").setValue(type.getClassName()));
            result.labels.add(new Label().setName("testClass").setValue(type.getClassName()));
        }
        testClass.ifPresent(type -> result.labels.add(new Label().setName("suite").setValue(classNames(type).suite())));
        openTests.put(test.getUniqueId(), result);
        return result;
    }

    private void stopTestCase(TestIdentifier test, String status, Details details) {
        TestCase result = openTests.remove(test.getUniqueId());
        if (result == null) {
            return;
        }
        if (!test.isTest()) {
            result.labels.add(new Label().setName(ResultsUtils.ALLURE_ID_LABEL_NAME).setValue("-1"));
        }
        result.status = status;
        result.details = result.details == null ? details : result.details.updatedBy(details);
        result.stop = now();
        if (current == result) {
            current = null;
        }
        writeAttachments(result);
        write(result.uuid + "-result.json", result.json());
    }

    private void skipNested(TestIdentifier test, Details details, Set<TestIdentifier> visited) {
        Set<TestIdentifier> children = plan.getChildren(test);
        if (test.isTest() || children.isEmpty()) {
            startTestCase(test);
            stopTestCase(test, "skipped", details);
        }
        visited.add(test);
        for (TestIdentifier child : children) {
            if (!visited.contains(child)) {
                skipNested(child, details, visited);
            }
        }
    }

    private void stopContainer(TestIdentifier test) {
        Container container = containers.remove(test.getUniqueId());
        if (container == null) {
            return;
        }
        List<String> children = new ArrayList<>();
        if (plan != null && !test.isTest()) {
            for (TestIdentifier descendant : plan.getDescendants(test)) {
                String uuid = descendant.isTest() ? testUuids.get(descendant.getUniqueId()) : null;
                if (uuid != null && !children.contains(uuid)) {
                    children.add(uuid);
                }
            }
        }
        // A test's own result, or a container's that failed and shows as a result.
        String own = testUuids.get(test.getUniqueId());
        if (own != null && !children.contains(own)) {
            children.add(own);
        }
        container.stop = now();
        for (Item fixture : container.befores) {
            writeAttachments(fixture);
        }
        for (Item fixture : container.afters) {
            writeAttachments(fixture);
        }
        write(container.uuid + "-container.json", container.json(children));
    }

    private void fixtureEvent(TestIdentifier test, Map<String, String> values) {
        String uuid = values.get("uuid");
        String type = values.get(FIXTURE);
        String event = values.get("event");
        if (uuid == null || event == null) {
            return;
        }
        switch (event) {
            case "start" -> {
                Container parent = containers.get(test.getUniqueId());
                if (parent == null || !("prepare".equals(type) || "tear_down".equals(type))) {
                    return;
                }
                Item fixture = new Item(values.getOrDefault("name", "Unknown"), now());
                ("prepare".equals(type) ? parent.befores : parent.afters).add(fixture);
                openFixtures.put(uuid, fixture);
                current = fixture;
            }
            case "failure", "stop" -> {
                Item fixture = openFixtures.remove(uuid);
                if (fixture == null) {
                    return;
                }
                if ("stop".equals(event)) {
                    fixture.status = "passed";
                } else {
                    fixture.status = Optional.ofNullable(values.get("status")).orElse(null);
                    fixture.details = new Details(values.get("message"), values.get("trace"), values.get("actual"),
                            values.get("expected"));
                }
                fixture.stop = now();
                // After a fixture of a test, what the test adds goes to the test again.
                current = test.isTest() ? openTests.get(test.getUniqueId()) : null;
            }
            default -> {
                // Not an event Allure's extension sends.
            }
        }
    }

    private void writeAttachments(Item item) {
        for (Attachment attachment : item.attachments) {
            String text = attachment.text.get();
            boolean isText = attachment.source.endsWith(".txt") || attachment.source.endsWith(".log");
            write(attachment.source, (isText ? visible(text == null ? "" : text) : String.valueOf(text))
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An attachment's text with its control characters made visible, cut after the attachment limit. */
    static String visible(String text) {
        if (text.length() * 3L <= UntrustedText.ATTACHMENT_LIMIT * 4L) {
            return UntrustedText.lines(text, UntrustedText.ATTACHMENT_LIMIT);
        }
        // Bounded as bytes: one byte past the limit's worth of four-byte characters shows the text was cut.
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int head = Math.min(bytes.length, UntrustedText.ATTACHMENT_LIMIT * 4 + 1);
        long rest = bytes.length - head;
        return UntrustedText.lines(new String(bytes, 0, head, StandardCharsets.UTF_8), UntrustedText.ATTACHMENT_LIMIT)
                + (rest > 0 ? "\n[... " + rest + " more bytes not shown]" : "");
    }

    private void write(String fileName, byte[] content) {
        if (stop.stopped()) {
            return;
        }
        Path file = dir.resolve(fileName);
        try {
            Files.write(file, content);
        } catch (IOException | RuntimeException e) {
            stop.stop("cannot write Allure results into " + dir + ": " + e.getMessage());
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A torn result file is skipped by the report generator; the stop above is what counts.
            }
        }
    }

    private String historyId(String uniqueId) {
        return new BigInteger(1, md5.digest(uniqueId.getBytes(StandardCharsets.UTF_8))).toString(16);
    }

    /** The package's parts, the class and its enclosing classes, then the containers between class and test. */
    private List<String> titlePath(TestIdentifier test, Optional<Class<?>> testClass) {
        List<String> path = new ArrayList<>();
        testClass.ifPresent(type -> path.addAll(classNames(type).titlePath()));
        if (plan != null) {
            List<String> between = new ArrayList<>();
            for (Optional<TestIdentifier> p = plan.getParent(test); p.isPresent(); p = plan.getParent(p.get())) {
                TestIdentifier node = p.get();
                if (node.getParentId().isPresent() && !node.isTest()
                        && !(node.getSource().orElse(null) instanceof ClassSource)) {
                    between.add(0, node.getDisplayName());
                }
            }
            path.addAll(between);
        }
        path.removeIf(part -> part == null || part.isEmpty());
        return path;
    }

    /** The class's names in the report, worked out once per class. */
    private ClassNames classNames(Class<?> type) {
        return classNames.computeIfAbsent(type, c -> {
            List<String> path = new ArrayList<>();
            Package pkg = c.getPackage();
            if (pkg != null) {
                path.addAll(List.of(pkg.getName().split("\\.")));
            }
            List<String> classes = new ArrayList<>();
            for (Class<?> enclosing = c; enclosing != null; enclosing = enclosing.getDeclaringClass()) {
                classes.add(0, displayName(enclosing).orElse(enclosing.getSimpleName()));
            }
            path.addAll(classes);
            return new ClassNames(List.copyOf(path), displayName(c).orElse(c.getCanonicalName()));
        });
    }

    private static Optional<String> displayName(Class<?> type) {
        return Optional.ofNullable(type.getAnnotation(DisplayName.class)).map(DisplayName::value);
    }

    /** A test class's title path (package parts, enclosing classes, itself) and suite label. */
    private record ClassNames(List<String> titlePath, String suite) {
    }

    private static Optional<Class<?>> testClass(TestSource source) {
        if (source instanceof ClassSource type) {
            return Optional.of(type.getJavaClass());
        }
        if (source instanceof MethodSource method) {
            try {
                return Optional.of(method.getJavaClass());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String status(TestExecutionResult result) {
        return switch (result.getStatus()) {
            case SUCCESSFUL -> "passed";
            case ABORTED -> "skipped";
            case FAILED -> result.getThrowable().map(t -> t instanceof AssertionError ? "failed" : "broken").orElse("failed");
        };
    }

    private static String mode(String value) {
        if (value == null) {
            return null;
        }
        for (String mode : List.of("default", "masked", "hidden")) {
            if (mode.equalsIgnoreCase(value)) {
                return mode;
            }
        }
        return null;
    }

    private static Map<String, String> unwrap(Map<String, String> values) {
        Map<String, String> unwrapped = new HashMap<>(values);
        unwrapped.replaceAll((key, value) -> value != null && value.startsWith(BLANK_PREFIX)
                ? value.substring(BLANK_PREFIX.length()) : value);
        return unwrapped;
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    private static String html(String text, int limit) {
        return text == null ? null : UntrustedText.html(text, limit);
    }

    /** A status's message, trace and compared values, as Allure keeps them. */
    record Details(String message, String trace, String actual, String expected) {
        static Details of(Throwable thrown) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            String actual = null;
            String expected = null;
            if (thrown instanceof AssertionFailedError compared) {
                actual = compared.isActualDefined() ? String.valueOf(compared.getActual()) : null;
                expected = compared.isExpectedDefined() ? String.valueOf(compared.getExpected()) : null;
            }
            return new Details(Optional.ofNullable(thrown.getMessage()).orElse(thrown.getClass().getName()),
                    trace.toString(), actual, expected);
        }

        /** These details with the message and trace of {@code later} where it has them. */
        Details updatedBy(Details later) {
            if (later == null) {
                return this;
            }
            return new Details(later.message != null ? later.message : message, later.trace != null ? later.trace : trace,
                    actual, expected);
        }

        void write(AllureJson json) {
            json.beginObject("statusDetails").field("known", false).field("muted", false).field("flaky", false)
                    .field("message", html(message, UntrustedText.BLOCK_LIMIT)).field("trace", html(trace, TRACE_LIMIT))
                    .field("actual", html(actual, UntrustedText.BLOCK_LIMIT))
                    .field("expected", html(expected, UntrustedText.BLOCK_LIMIT)).endObject();
        }
    }

    private record Attachment(String name, String source, Supplier<String> text) {
    }

    private record Parameter(String name, String value, String mode, Boolean excluded) {
        void write(AllureJson json) {
            json.beginObject().field("name", name).field("value", value);
            if (excluded != null) {
                json.field("excluded", excluded.booleanValue());
            }
            json.field("mode", mode).endObject();
        }
    }

    /** A fixture, or the part of a test result a fixture shares. */
    private static class Item {
        final List<Attachment> attachments = new ArrayList<>(4);
        final List<Parameter> parameters = new ArrayList<>(1);
        final long start;
        String name;
        String status;
        Details details;
        long stop;

        Item(String name, long start) {
            this.name = name;
            this.start = start;
        }

        /** Name to stop, in the order of Allure's writer. */
        void writeBody(AllureJson json) {
            json.field("name", name).field("status", status);
            if (details != null) {
                details.write(json);
            }
            json.field("stage", "finished");
            writeDescription(json);
            json.beginArray("steps").endArray().beginArray("attachments");
            for (Attachment attachment : attachments) {
                json.beginObject().field("name", attachment.name).field("source", attachment.source)
                        .field("type", "text/plain").endObject();
            }
            json.endArray().beginArray("parameters");
            for (Parameter parameter : parameters) {
                parameter.write(json);
            }
            json.endArray().field("start", start).field("stop", stop);
        }

        void writeDescription(AllureJson json) {
        }
    }

    private static final class TestCase extends Item {
        final String uuid;
        final List<Label> labels = new ArrayList<>(24);
        String historyId;
        String testCaseId;
        String testCaseName;
        String fullName;
        List<String> titlePath;

        TestCase(String uuid, long start) {
            super(null, start);
            this.uuid = uuid;
        }

        byte[] json() {
            AllureJson json = new AllureJson().beginObject().field("uuid", uuid).field("historyId", historyId)
                    .field("testCaseId", testCaseId).field("testCaseName", testCaseName).field("fullName", fullName)
                    .beginArray("titlePath");
            titlePath.forEach(json::element);
            json.endArray().beginArray("labels");
            for (Label label : labels) {
                json.beginObject().field("name", label.getName()).field("value", label.getValue()).endObject();
            }
            json.endArray().beginArray("links").endArray();
            writeBody(json);
            return json.endObject().bytes();
        }

        @Override
        void writeDescription(AllureJson json) {
            json.field("description", "");
        }
    }

    private static final class Container {
        final String uuid;
        final String name;
        final long start;
        final List<Item> befores = new ArrayList<>(1);
        final List<Item> afters = new ArrayList<>(1);
        long stop;

        Container(String uuid, String name, long start) {
            this.uuid = uuid;
            this.name = name;
            this.start = start;
        }

        byte[] json(List<String> children) {
            AllureJson json = new AllureJson().beginObject().field("uuid", uuid).field("name", name).beginArray("children");
            children.forEach(json::element);
            json.endArray().beginArray("befores");
            befores.forEach(fixture -> {
                json.beginObject();
                fixture.writeBody(json);
                json.endObject();
            });
            json.endArray().beginArray("afters");
            afters.forEach(fixture -> {
                json.beginObject();
                fixture.writeBody(json);
                json.endObject();
            });
            return json.endArray().field("start", start).field("stop", stop).endObject().bytes();
        }
    }
}
