package org.fwcts.reports.allure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.fwcts.reports.ReportQueue;
import org.fwcts.reports.RunStop;
import org.fwcts.reports.allure.AllureTestCase.Label;
import org.fwcts.targets.text.UntrustedText;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

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
 * same tests as the journal. The files are made and written through the run's {@link ReportQueue}:
 * on a thread of its own, in the order the events came, while the next test runs; the plan's end
 * waits for them.
 *
 * <p>The catalogue's tests carry no Allure annotations (their labels come from JUnit tags and
 * {@link TestReport}), so severity, links and descriptions from annotations are not read.
 */
public final class AllureResultsListener implements TestExecutionListener {
    static final String UNIQUE_ID_LABEL = "junit.platform.uniqueid";
    /** Allure's test-case ID label, which its listener sets to -1 on a container reported as a test. */
    static final String ALLURE_ID_LABEL = "AS_ID";
    private static final String FIXTURE = "allure.fixture";
    private static final String PARAMETER = "allure.parameter";
    private static final String BLANK_PREFIX = "ALLURE_REPORT_ENTRY_BLANK_PREFIX__";
    private static final String TEMPLATE_INVOCATION = "test-template-invocation";

    private final Path dir;
    private final RunStop stop;
    private final ReportQueue writes;
    private final Map<String, String> testUuids = new HashMap<>();
    private final Map<String, AllureContainer> containers = new HashMap<>();
    private final Map<String, AllureTestCase> openTests = new HashMap<>();
    private final Map<String, AllureItem> openFixtures = new HashMap<>();
    private final AllureTitles titles = new AllureTitles();
    private TestPlan plan;
    /** The run's labels every test gets after its tags: those the user provides, then the unique ID's place. */
    private List<AllureTestCase.Label> providedLabels = List.of();
    private String host;
    private String thread;
    /** Where a label or attachment given now goes: the running fixture, else the running test. */
    private AllureItem current;

    /** A listener that writes each file as its event comes, on the event's thread. */
    public AllureResultsListener(Path dir, RunStop stop) {
        this(dir, stop, ReportQueue.inline());
    }

    /** A listener whose files are made and written by {@code writes}, in the order of the events. */
    public AllureResultsListener(Path dir, RunStop stop, ReportQueue writes) {
        this.dir = dir;
        this.stop = stop;
        this.writes = writes;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        AllureHostLabels.setWithoutLookup();
        // Set now, these properties are what Allure's own listener would take for the two labels.
        host = System.getProperty(AllureHostLabels.HOST_PROPERTY);
        thread = System.getProperty(AllureHostLabels.THREAD_PROPERTY);
        providedLabels = AllureProvidedLabels.read();
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
        writes.drain();
    }

    @Override
    public synchronized void executionStarted(TestIdentifier test) {
        if (test.getParentId().isEmpty()) {
            return;
        }
        containers.put(test.getUniqueId(), new AllureContainer(UUID.randomUUID().toString(), test.getDisplayName(), now()));
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
        AllureStatusDetails details = result.getThrowable().map(AllureStatusDetails::of).orElse(null);
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
        skipNested(test, new AllureStatusDetails(reason, null, null, null), new HashSet<>());
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
            AllureTestCase running = openTests.get(test.getUniqueId());
            if (running != null) {
                running.parameters.add(new AllureItem.Parameter(values.get(PARAMETER), values.get("value"), mode(values.get("mode")),
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
        if (current instanceof AllureTestCase test) {
            test.labels.add(new Label(name, value));
        }
    }

    synchronized void attach(String name, String extension, Supplier<String> text) {
        if (current != null) {
            String ext = extension == null || extension.isEmpty() ? "" : extension.startsWith(".") ? extension : "." + extension;
            current.attachments.add(new AllureItem.Attachment(name, UUID.randomUUID() + "-attachment" + ext, text));
        }
    }

    private AllureTestCase startTestCase(TestIdentifier test) {
        String uuid = testUuids.computeIfAbsent(test.getUniqueId(), id -> UUID.randomUUID().toString());
        boolean template = TEMPLATE_INVOCATION.equals(test.getUniqueIdObject().getLastSegment().getType());
        Optional<TestIdentifier> parent = plan == null ? Optional.empty() : plan.getParent(test);
        Optional<TestSource> source = test.getSource();
        Optional<Class<?>> testClass = source.flatMap(AllureTitles::testClass);
        AllureTestCase result = new AllureTestCase(uuid, now());
        result.name = template && parent.isPresent() ? parent.get().getDisplayName() + " " + test.getDisplayName()
                : test.getDisplayName();
        result.testCaseId = template ? parent.map(TestIdentifier::getUniqueId).orElse(test.getUniqueId()) : test.getUniqueId();
        result.testCaseName = template ? parent.map(TestIdentifier::getDisplayName).orElse(test.getDisplayName())
                : test.getDisplayName();
        result.historyId = titles.historyId(test.getUniqueId());
        result.titlePath = titles.titlePath(plan, test, testClass);
        for (TestTag tag : test.getTags()) {
            result.labels.add(new Label("tag", tag.getName()));
        }
        if (template) {
            // Allure's listener marks each invocation apart, so that they are not taken for retries of one another.
            result.parameters.add(new AllureItem.Parameter("UniqueId", test.getUniqueId(), "hidden", null));
        }
        result.labels.addAll(providedLabels);
        result.labels.add(new Label(UNIQUE_ID_LABEL, test.getUniqueId()));
        result.labels.add(new Label("host", host));
        result.labels.add(new Label("thread", thread));
        result.labels.add(new Label("framework", "junit-platform"));
        result.labels.add(new Label("language", "java"));
        if (source.orElse(null) instanceof MethodSource method) {
            result.fullName = method.getClassName() + "." + method.getMethodName();
            result.labels.add(new Label("package", method.getClassName()));
            result.labels.add(new Label("testClass", method.getClassName()));
            result.labels.add(new Label("testMethod", method.getMethodName()));
        } else if (source.orElse(null) instanceof ClassSource type) {
            result.fullName = type.getClassName();
            result.labels.add(new Label("package", type.getClassName()));
            result.labels.add(new Label("testClass", type.getClassName()));
        }
        testClass.ifPresent(type -> result.labels.add(new Label("suite", titles.suite(type))));
        openTests.put(test.getUniqueId(), result);
        return result;
    }

    private void stopTestCase(TestIdentifier test, String status, AllureStatusDetails details) {
        AllureTestCase result = openTests.remove(test.getUniqueId());
        if (result == null) {
            return;
        }
        if (!test.isTest()) {
            result.labels.add(new Label(ALLURE_ID_LABEL, "-1"));
        }
        result.status = status;
        result.details = result.details == null ? details : result.details.updatedBy(details);
        result.stop = now();
        if (current == result) {
            current = null;
        }
        writeAttachments(result);
        write(result.uuid + "-result.json", result::json);
    }

    private void skipNested(TestIdentifier test, AllureStatusDetails details, Set<TestIdentifier> visited) {
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
        AllureContainer container = containers.remove(test.getUniqueId());
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
        for (AllureItem fixture : container.befores) {
            writeAttachments(fixture);
        }
        for (AllureItem fixture : container.afters) {
            writeAttachments(fixture);
        }
        write(container.uuid + "-container.json", () -> container.json(children));
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
                AllureContainer parent = containers.get(test.getUniqueId());
                if (parent == null || !("prepare".equals(type) || "tear_down".equals(type))) {
                    return;
                }
                AllureItem fixture = new AllureItem(values.getOrDefault("name", "Unknown"), now());
                ("prepare".equals(type) ? parent.befores : parent.afters).add(fixture);
                openFixtures.put(uuid, fixture);
                current = fixture;
            }
            case "failure", "stop" -> {
                AllureItem fixture = openFixtures.remove(uuid);
                if (fixture == null) {
                    return;
                }
                if ("stop".equals(event)) {
                    fixture.status = "passed";
                } else {
                    fixture.status = Optional.ofNullable(values.get("status")).orElse(null);
                    fixture.details = new AllureStatusDetails(values.get("message"), values.get("trace"), values.get("actual"),
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

    private void writeAttachments(AllureItem item) {
        for (AllureItem.Attachment attachment : item.attachments) {
            boolean isText = attachment.source().endsWith(".txt") || attachment.source().endsWith(".log");
            write(attachment.source(), () -> {
                String text = textOf(attachment);
                return (isText ? visible(text == null ? "" : text) : String.valueOf(text)).getBytes(StandardCharsets.UTF_8);
            });
        }
    }

    /** An attachment's text; when the test's code that makes it fails, a line saying so (the result is kept). */
    private static String textOf(AllureItem.Attachment attachment) {
        try {
            return attachment.text().get();
        } catch (RuntimeException e) {
            return "(this attachment could not be made: " + e + ")";
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

    /** Hands the file to the queue; it is made and written then, unless the run has stopped by that time. */
    private void write(String fileName, Supplier<byte[]> content) {
        writes.submit(() -> writeNow(fileName, content));
    }

    private void writeNow(String fileName, Supplier<byte[]> content) {
        if (stop.stopped()) {
            return;
        }
        Path file = dir.resolve(fileName);
        try {
            Files.write(file, content.get());
        } catch (IOException | RuntimeException e) {
            stop.stop("cannot write Allure results into " + dir + ": " + e.getMessage());
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A torn result file is skipped by the report generator; the stop above is what counts.
            }
        }
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

}
