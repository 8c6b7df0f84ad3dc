package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fwcts.harness.console.LineChannel;
import org.fwcts.harness.console.Transcript;
import org.fwcts.reports.StoredRun;
import org.fwcts.reports.TestRecord;
import org.fwcts.reports.TestStatus;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run path against {@link HostileAgent}, a stand-in for a target that misbehaves on
 * purpose: its bytes must reach no terminal, report or browser alive, its floods must not
 * exhaust memory or disk, and each kind of misbehaviour must end the run quickly with the
 * target failed once and the reason recorded.
 */
@DisplayName("fwcts run against a hostile stand-in agent (loopback TCP, no QEMU)")
class HostileTargetSelfTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAGS = "psci";
    /** As the shipped QEMU target's; the flood and line cases must end within twice this. */
    private static final int BOOT_SECONDS = 30;
    private static final int COMMAND_SECONDS = 2;
    /** Resident memory the harness must stay under while a target floods it (the goal of the hostile-target work). */
    private static final long MEMORY_GOAL_BYTES = 512L << 20;
    /** The child's heap cap; {@code -Dfwcts.hostile.heapMiB=0} measures with the JVM's default heap sizing instead. */
    private static final int CHILD_HEAP_MIB = Integer.getInteger("fwcts.hostile.heapMiB", 256);
    private static final Pattern EMBEDDED_TEST_CASE = Pattern.compile("d\\('data/test-cases/([0-9a-f]+)\\.json','([A-Za-z0-9+/=]+)'\\)");

    @TempDir
    Path temp;

    @Test
    @DisplayName("markup, escapes, NUL and invalid UTF-8 in the banner and panics reach no sink alive, in a browser either")
    void markupAndEscapesAreNeutralised() throws Exception {
        try (HostileAgent agent = new HostileAgent(HostileAgent.Behaviour.MARKUP)) {
            Path runDir = temp.resolve("markup");
            CliRun run = CliRun.of("run", "-t", descriptor(agent, "markup", 3, "").toString(), "--tag", TAGS,
                    "--progress", "plain", "-o", runDir.toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
            assertThat(statuses(runDir)).contains(TestStatus.BROKEN);
            assertThat(records(runDir)).anySatisfy(r -> assertThat(r.message()).contains("the agent panicked"));
            assertThat(Files.readString(runDir.resolve("summary.md"))).contains("&lt;script&gt;").contains("\\x1b]0;pwned");
            HostileSinks.assertTerminalInert(run.out() + run.err());
            HostileSinks.assertFilesInert(runDir);
            assertNoScriptRuns(runDir);
        }
    }

    @Test
    @DisplayName("CRC-valid replies with fields that are no protocol numbers: broken (broken targets category), never a value")
    void garbageFieldsAreATargetError() throws Exception {
        try (HostileAgent agent = new HostileAgent(HostileAgent.Behaviour.GARBAGE_FIELDS)) {
            Path runDir = temp.resolve("garbage");
            CliRun run = CliRun.of("run", "-t", descriptor(agent, "garbage", 1, "").toString(), "--tag", TAGS,
                    "--progress", "plain", "-o", runDir.toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
            assertFailedOnce(runDir, "the agent broke the protocol");
            assertThat(RunCommandSelfTests.allureResults(runDir)).contains("AgentProtocolException").doesNotContain("NumberFormatException");
            HostileSinks.assertTerminalInert(run.out() + run.err());
            HostileSinks.assertFilesInert(runDir);
        }
    }

    @Test
    @DisplayName("replies with sequence numbers never sent: failed once within two command time-outs, not once per test")
    void wrongSequenceNumbersFailTheTargetOnce() throws Exception {
        try (HostileAgent agent = new HostileAgent(HostileAgent.Behaviour.WRONG_SEQUENCE)) {
            Path runDir = temp.resolve("sequence");
            long start = System.nanoTime();
            CliRun run = CliRun.of("run", "-t", descriptor(agent, "sequence", 1, "").toString(), "--tag", TAGS,
                    "--progress", "plain", "-o", runDir.toString());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
            assertFailedOnce(runDir, "sequence numbers this session never sent");
            System.out.printf("HostileTargetSelfTests: wrong sequence numbers: the run ended after %d ms%n", took.toMillis());
            assertThat(took).isLessThan(Duration.ofSeconds(2L * BOOT_SECONDS));
        }
    }

    @Test
    @DisplayName("a console that accepts and closes every connection: bounded connection rate, given up within the boot budget")
    void reconnectStormIsBounded() throws Exception {
        try (HostileAgent agent = new HostileAgent(HostileAgent.Behaviour.RECONNECT_STORM)) {
            Path runDir = temp.resolve("storm");
            long start = System.nanoTime();
            CliRun run = CliRun.of("run", "-t", descriptor(agent, "storm", 1, "    reconnectSeconds: 2\n").toString(),
                    "--tag", TAGS, "--progress", "plain", "-o", runDir.toString());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            System.out.printf("HostileTargetSelfTests: reconnect storm: %d connections, %.1f per second over %.1f s; run ended after %d ms%n",
                    agent.connections(), agent.stormConnectionsPerSecond(), agent.stormSeconds(), took.toMillis());
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
            assertThat(run.out() + run.err()).doesNotContain("StackOverflowError");
            assertThat(statuses(runDir)).filteredOn(s -> s == TestStatus.BROKEN).hasSize(1);
            List<TestRecord> records = records(runDir);
            assertThat(records.subList(statuses(runDir).indexOf(TestStatus.BROKEN) + 1, records.size())).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.message()).startsWith("target did not recover").contains("gave nothing on"));
            assertThat(records.get(statuses(runDir).indexOf(TestStatus.BROKEN)).message()).containsAnyOf("the console reopened", "gave nothing on");
            assertThat(agent.stormConnectionsPerSecond()).isLessThan(50);
            assertThat(took).isLessThan(Duration.ofSeconds(2L * BOOT_SECONDS));
        }
    }

    @Test
    @DisplayName("an unterminated 100 MB line: failed once within twice the boot time-out, memory and console.log bounded")
    void unterminatedLineIsCutOff() throws Exception {
        try (HostileAgent agent = new HostileAgent(HostileAgent.Behaviour.UNTERMINATED_LINE)) {
            ChildRun run = childRun(agent, "line");
            assertThat(run.exitCode).as(run.output).isEqualTo(2);
            assertFailedOnce(run.runDir, "a line of more than " + LineChannel.LINE_LIMIT + " bytes");
            assertBounded(run, "unterminated line");
        }
    }

    @Test
    @DisplayName("a flood from the first byte: the handshake still succeeds, then failed once, memory and console.log bounded")
    void floodIsCutOff() throws Exception {
        try (HostileAgent agent = new HostileAgent(HostileAgent.Behaviour.FLOOD)) {
            ChildRun run = childRun(agent, "flood");
            assertThat(run.exitCode).as(run.output).isEqualTo(2);
            assertThat(run.output).as("the handshake got through the flood").contains("booted");
            assertFailedOnce(run.runDir, "flooded its console");
            assertBounded(run, "flood");
        }
    }

    /**
     * One test broken with {@code reason}, every later one not run with the reason: the target was
     * not relaunched. (Tests before it got answers, and verdicts.)
     */
    private static void assertFailedOnce(Path runDir, String reason) throws IOException {
        List<TestRecord> records = records(runDir);
        assertThat(records).filteredOn(r -> r.status() == TestStatus.BROKEN).singleElement()
                .satisfies(r -> assertThat(r.message()).contains(reason));
        int broken = statuses(runDir).indexOf(TestStatus.BROKEN);
        assertThat(records.subList(broken + 1, records.size())).isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(TestStatus.SKIPPED))
                .allSatisfy(r -> assertThat(r.message()).startsWith("target did not recover: not relaunched").contains(reason));
        JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        assertThat(summary.at("/target/targetAbandoned").asText()).contains(reason);
    }

    private static void assertBounded(ChildRun run, String what) throws Exception {
        long log = Files.size(run.runDir.resolve("console.log"));
        // The bound is the run's own, from its summary: the child JVM's start, slow on a loaded machine, is not the run's.
        JsonNode summary = JSON.readTree(run.runDir.resolve("summary.json").toFile());
        Duration ran = Duration.between(java.time.Instant.parse(summary.get("started").asText()),
                java.time.Instant.parse(summary.get("finished").asText()));
        System.out.printf("HostileTargetSelfTests: %s: run ended after %d ms (%d ms with the JVM's start), peak RSS %d MiB"
                + " (heap cap %s), console.log %d KiB%n", what, ran.toMillis(), run.took.toMillis(), run.peakRss >> 20,
                CHILD_HEAP_MIB > 0 ? CHILD_HEAP_MIB + " MiB" : "none", log >> 10);
        assertThat(ran).isLessThan(Duration.ofSeconds(2L * BOOT_SECONDS));
        assertThat(run.peakRss).isLessThan(MEMORY_GOAL_BYTES);
        assertThat(log).isLessThanOrEqualTo(Transcript.LOG_LIMIT + (1 << 20));
        HostileSinks.assertTerminalInert(run.output);
        HostileSinks.assertFilesInert(run.runDir);
    }

    /** Summary page, Markdown rendered, and the Allure page of a broken test, in headless Chromium: the title is untouched. */
    private void assertNoScriptRuns(Path runDir) throws Exception {
        Optional<HeadlessChromium> found = HeadlessChromium.find(temp);
        if (System.getenv("CI") != null) {
            assertThat(found).as("chromium is not installed; ./fwcts installs it (Debian package chromium)").isPresent();
        }
        Assumptions.assumeTrue(found.isPresent(), "chromium is not installed; ./fwcts selftest installs it");
        HeadlessChromium chromium = found.get();
        Path markdown = Files.writeString(temp.resolve("summary-md.html"), HostileSinks.markdownAsHtml(runDir));
        assertThat(title(chromium.dumpDom(markdown.toUri().toString()))).isEqualTo("summary");
        assertThat(title(chromium.dumpDom(runDir.resolve("summary.html").toUri().toString()))).startsWith("FWCTS conformance summary");
        CliRun report = CliRun.of("report", runDir.toString(), "--history", temp.resolve("history").toString());
        assertThat(report.exitCode()).as(report.out() + report.err()).isZero();
        Path page = runDir.resolve(ReportCommand.SINGLE_FILE);
        String dom = chromium.dumpDom(page.toUri() + "#testresult/" + brokenTestUid(page));
        assertThat(dom).contains("the agent panicked");
        assertThat(title(dom)).isNotEqualTo("pwned");
        // The overview shows the environment, where the agent's banner goes.
        assertThat(title(chromium.dumpDom(page.toUri().toString()))).isNotEqualTo("pwned");
    }

    private static String title(String dom) {
        Matcher title = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(dom);
        return title.find() ? title.group(1) : "";
    }

    private static String brokenTestUid(Path report) throws IOException {
        Matcher testCase = EMBEDDED_TEST_CASE.matcher(Files.readString(report, StandardCharsets.UTF_8));
        while (testCase.find()) {
            JsonNode json = JSON.readTree(Base64.getDecoder().decode(testCase.group(2)));
            if ("broken".equals(json.path("status").asText())) {
                return testCase.group(1);
            }
        }
        throw new AssertionError(report + " embeds no broken test case");
    }

    /**
     * A board descriptor whose console is the stand-in: power and deployment do nothing, short
     * time-outs, {@code recoveryAttempts} relaunches.
     */
    private Path descriptor(HostileAgent agent, String name, int recoveryAttempts, String consoleExtra) throws IOException {
        Path deploy = Files.createDirectories(temp.resolve("deploy-" + name));
        return Files.writeString(temp.resolve("hostile-" + name + ".yaml"), """
                # A stand-in for a hostile target (HostileAgent in the self-tests): nothing is powered or deployed.
                name: hostile-%s
                kind: board
                profile: qemu-builtin-psci
                agent:
                  image: agent-virt
                consoles:
                  agent:
                    kind: tcp
                    host: 127.0.0.1
                    port: %d
                %sboard:
                  power:
                    type: commands
                    on: "true"
                    off: "true"
                  deploy:
                    type: folder
                    folder: %s
                timeouts:
                  bootSeconds: %d
                  commandSeconds: %d
                  recoveryAttempts: %d
                """.formatted(name, agent.port(), consoleExtra, deploy, BOOT_SECONDS, COMMAND_SECONDS, recoveryAttempts));
    }

    /** A run in a child JVM, whose resident memory is sampled while it runs. */
    private record ChildRun(int exitCode, String output, Path runDir, Duration took, long peakRss) {
    }

    private ChildRun childRun(HostileAgent agent, String name) throws Exception {
        Path runDir = temp.resolve(name);
        Path out = temp.resolve(name + "-out.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        long start = System.nanoTime();
        // The heap is capped so that the figure shows what the harness needs, not what an idle collector leaves lying.
        List<String> command = new java.util.ArrayList<>(List.of(java));
        if (CHILD_HEAP_MIB > 0) {
            command.add("-Xmx" + CHILD_HEAP_MIB + "m");
        }
        command.addAll(List.of("-Dfwcts.home=" + ProjectLayout.discover().root(), "-cp", System.getProperty("java.class.path"),
                FwctsCommand.class.getName(), "run", "-t", descriptor(agent, name, 1, "").toString(), "--tag", TAGS,
                "--progress", "plain", "-o", runDir.toString()));
        Process fwcts = new ProcessBuilder(command)
                .redirectOutput(out.toFile()).redirectErrorStream(true).start();
        long peak = 0;
        try {
            long deadline = start + TimeUnit.SECONDS.toNanos(10L * BOOT_SECONDS);
            while (!fwcts.waitFor(20, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                peak = Math.max(peak, residentBytes(fwcts.pid()));
            }
        } finally {
            fwcts.destroyForcibly();
            fwcts.waitFor(RunWatch.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new ChildRun(fwcts.exitValue(), Files.readString(out, StandardCharsets.UTF_8), runDir, took, peak);
    }

    /** VmRSS of a process from /proc, in bytes; 0 once it has gone. */
    private static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between two samples.
        }
        return 0;
    }

    private static List<TestRecord> records(Path runDir) {
        return StoredRun.read(runDir).records();
    }

    private static List<TestStatus> statuses(Path runDir) {
        return records(runDir).stream().map(TestRecord::status).toList();
    }
}
