package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.fwcts.reports.RunStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@DisplayName("Allure results written on a writer thread")
class BackgroundResultsWriterSelfTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    Path dir;

    /** Run only through the launcher below: passing, failing, broken, parameterised tests with steps and attachments. */
    static class SmallSuite {
        @AfterEach
        void tearDown() {
            Allure.step("power the target down");
        }

        @Test
        @Tag("rule:R0001")
        void passesWithSteps() {
            Allure.step("send FFA_VERSION", () -> Allure.addAttachment("transcript", "text/plain", "x0=0x84000063\n", ".txt"));
            Allure.step("check the answer");
        }

        @Test
        void failsAnAssertion() {
            Allure.addAttachment("console", "text/plain", "booted\n", ".log");
            Assertions.assertEquals(0x10002, 0x10001, "the version");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3})
        void parameterised(int partition) {
            Allure.parameter("partition", partition);
            if (partition == 3) {
                throw new IllegalStateException("partition " + partition + " did not answer");
            }
        }
    }

    @Test
    @DisplayName("writes the same results, containers and attachments as Allure's own writer on the test's thread")
    void sameAsAllureOwnWriter() throws IOException {
        Path direct = dir.resolve("direct");
        Path background = dir.resolve("background");
        run(new FileSystemResultsWriter(direct));
        try (BackgroundResultsWriter writer = new BackgroundResultsWriter(new FileSystemResultsWriter(background),
                new RunStop())) {
            run(writer);
        }

        Map<String, String> expected = normalised(direct);
        assertThat(expected.keySet()).as("the direct run's results").hasSizeGreaterThanOrEqualTo(6)
                .anyMatch(name -> name.startsWith("result passesWithSteps"))
                .anyMatch(name -> name.startsWith("container"));
        assertThat(expected.values()).as("what the comparison sees").anyMatch(text -> text.contains("x0=0x84000063"))
                .anyMatch(text -> text.contains("\"failed\"")).anyMatch(text -> text.contains("\"broken\""))
                .anyMatch(text -> text.contains("rule:R0001")).anyMatch(text -> text.contains("power the target down"));
        assertThat(normalised(background)).isEqualTo(expected);
    }

    @Test
    @DisplayName("writes what was handed over before the run stopped, and nothing handed over after")
    void stopCountsWhenHandedOver() throws IOException, InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<String> written = java.util.Collections.synchronizedList(new ArrayList<>());
        AllureResultsWriter slow = new Recorder(written, release);
        RunStop stop = new RunStop();
        BackgroundResultsWriter writer = new BackgroundResultsWriter(slow, stop);
        writer.write(new TestResult().setUuid("before-1"));
        writer.write(new TestResult().setUuid("before-2"));
        stop.stop("the disk is full");
        writer.write(new TestResult().setUuid("after"));
        assertThat(writer.drain(Duration.ofMillis(50))).as("drained while the writer is held").isFalse();
        release.countDown();
        writer.close();
        assertThat(written).containsExactly("before-1", "before-2");
    }

    private static void run(AllureResultsWriter writer) {
        AllureLifecycle lifecycle = new AllureLifecycle(writer);
        Allure.setLifecycle(lifecycle);
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(SmallSuite.class))
                        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true").build(),
                        new AllureFixtureSafeListener(new AllureJunitPlatform(lifecycle)));
    }

    /**
     * Every result and container as JSON without its UUIDs and times, attachments by content in
     * place of their file names, keyed by kind and test so that two runs line up.
     */
    private static Map<String, String> normalised(Path results) throws IOException {
        Map<String, String> byKey = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(results)) {
            files = list.filter(p -> p.toString().endsWith(".json")).toList();
        }
        for (Path file : files) {
            JsonNode node = JSON.readTree(file.toFile());
            inlineAttachments(node, results);
            String kind = file.getFileName().toString().endsWith("-container.json") ? "container" : "result";
            // An assertion's actual and expected values carry the objects' identity hash codes, new in every run.
            String text = JSON.writeValueAsString(strip(node)).replaceAll(UUID, "UUID")
                    .replaceAll("(java\\.lang\\.\\w+)@[0-9a-f]+", "$1@HASH");
            String key = kind + " " + node.path("name").asText() + " " + text.hashCode();
            byKey.put(key, text);
        }
        return byKey;
    }

    private static void inlineAttachments(JsonNode node, Path results) throws IOException {
        if (node.isObject() && node.has("source") && node.has("type")) {
            ((ObjectNode) node).put("source", Files.readString(results.resolve(node.get("source").asText()),
                    StandardCharsets.UTF_8));
        }
        for (JsonNode child : node) {
            inlineAttachments(child, results);
        }
    }

    private static JsonNode strip(JsonNode node) {
        if (node.isObject()) {
            ((ObjectNode) node).remove(List.of("uuid", "start", "stop"));
        }
        if (node.isArray() && node.size() > 0 && node.get(0).isTextual()) {
            ArrayNode sorted = JSON.createArrayNode();
            List<String> values = new ArrayList<>();
            node.forEach(value -> values.add(value.asText().replaceAll(UUID, "UUID")));
            values.stream().sorted().forEach(sorted::add);
            return sorted;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        fields.forEachRemaining(entries::add);
        for (Map.Entry<String, JsonNode> entry : entries) {
            ((ObjectNode) node).set(entry.getKey(), strip(entry.getValue()));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((ArrayNode) node).set(i, strip(node.get(i)));
            }
        }
        return node;
    }

    /** Records the UUIDs it is given, after it is released. */
    private record Recorder(List<String> written, CountDownLatch release) implements AllureResultsWriter {
        @Override
        public void write(TestResult result) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(result.getUuid());
        }

        @Override
        public void write(io.qameta.allure.model.TestResultContainer container) {
        }

        @Override
        public void write(String source, java.io.InputStream attachment) {
        }
    }
}
