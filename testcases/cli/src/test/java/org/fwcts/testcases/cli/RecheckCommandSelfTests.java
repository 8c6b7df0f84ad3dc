package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("fwcts recheck judges a finished run again from its calls.jsonl")
class RecheckCommandSelfTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A call's request: {@code smc}/{@code hvc} alone, or a chain whose call follows the writes of its TX buffer. */
    private static final Pattern CALL_REQUEST = Pattern.compile(
            "agent TX >(\\p{XDigit}+) (?:chain (?:wrb [0-9a-f]+ [0-9a-f]+ / )*)?(?:smc|hvc) ");

    @TempDir
    static Path temp;

    private static List<JsonNode> lines(Path runDir, String type) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve("calls.jsonl"))) {
            JsonNode node = JSON.readTree(line);
            if (node.get("type").asText().equals(type)) {
                found.add(node);
            }
        }
        return found;
    }

    private static String lastLine(CliRun run) {
        String[] lines = run.out().strip().split("\n");
        return lines[lines.length - 1];
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("of a default QEMU run")
    class Qemu {
        private Path runDir;

        @BeforeAll
        void runOnce() {
            runDir = temp.resolve("qemu");
            assertThat(CliRun.of("run", "--output", runDir.toString()).exitCode()).isEqualTo(1);
        }

        @Test
        @DisplayName("holds every call the agent was asked to make, each with a verdict")
        void historyHoldsEveryCall() throws IOException {
            Set<String> requests = new HashSet<>();
            Matcher matcher = CALL_REQUEST.matcher(Files.readString(runDir.resolve("console.log")));
            while (matcher.find()) {
                requests.add(matcher.group(1)); // a retransmission repeats its sequence number
            }
            List<JsonNode> calls = lines(runDir, "call");
            assertThat(calls).hasSize(requests.size());
            assertThat(lines(runDir, "verdict")).hasSize(calls.size());
        }

        @Test
        @DisplayName("reproduces every verdict: exit 0 and '0 verdicts changed'")
        void reproduces() {
            CliRun recheck = CliRun.of("recheck", runDir.toString());
            assertThat(recheck.exitCode()).as(recheck.out() + recheck.err()).isZero();
            assertThat(lastLine(recheck)).isEqualTo("0 verdicts changed");
            assertThat(runDir.resolve("recheck.md")).exists();
            assertThat(runDir.resolve("summary.json")).as("the original summary stays").exists();
        }

        @Test
        @DisplayName("with a profile override lists exactly the calls whose prediction it changes, and exits 1")
        void profileOverride() throws IOException {
            // PSCI 1.0 instead of 1.1 changes the prediction of every plain PSCI_VERSION call, and nothing else.
            List<Long> expected = new ArrayList<>();
            List<JsonNode> verdicts = lines(runDir, "verdict");
            List<JsonNode> calls = lines(runDir, "call");
            for (int i = 0; i < calls.size(); i++) {
                boolean psciVersion = calls.get(i).get("in").get(0).asText().equals("0x84000000");
                if (psciVersion && verdicts.get(i).get("verdict").asText().equals("PASS")) {
                    expected.add(calls.get(i).get("seq").asLong());
                }
            }
            CliRun recheck = CliRun.of("recheck", runDir.toString(), "--profile-override", "psciVersion=1.0");
            assertThat(recheck.exitCode()).as(recheck.out() + recheck.err()).isEqualTo(1);
            assertThat(lastLine(recheck)).isEqualTo(expected.size() + " verdicts changed");
            List<Long> changed = new ArrayList<>();
            JSON.readTree(runDir.resolve("recheck.json").toFile()).get("changes")
                    .forEach(change -> changed.add(change.get("sequence").asLong()));
            assertThat(expected).isNotEmpty();
            assertThat(changed).isEqualTo(expected);
            assertThat(recheck.out()).contains("PSCI_VERSION › reports the implemented PSCI version: PASS -> FAIL");
        }

        @Test
        @DisplayName("a truncated history is refused with an error naming its last line (exit 2)")
        void truncated() throws IOException {
            Path copy = copyOfRun("truncated");
            Path calls = copy.resolve("calls.jsonl");
            String text = Files.readString(calls);
            Files.writeString(calls, text.substring(0, text.length() - 30));
            int lines = Files.readAllLines(calls).size();
            CliRun recheck = CliRun.of("recheck", copy.toString());
            assertThat(recheck.exitCode()).isEqualTo(2);
            assertThat(recheck.err()).contains("calls.jsonl:" + lines + ": the line is truncated");
        }

        @Test
        @DisplayName("a damaged line is refused with an error naming it (exit 2)")
        void damaged() throws IOException {
            Path copy = copyOfRun("damaged");
            Path calls = copy.resolve("calls.jsonl");
            List<String> lines = new ArrayList<>(Files.readAllLines(calls));
            lines.set(6, lines.get(6).substring(0, 40));
            Files.write(calls, lines);
            CliRun recheck = CliRun.of("recheck", copy.toString());
            assertThat(recheck.exitCode()).isEqualTo(2);
            assertThat(recheck.err()).contains("calls.jsonl:7: not a JSON object");
        }

        private Path copyOfRun(String name) throws IOException {
            Path copy = Files.createDirectories(temp.resolve(name));
            for (String file : List.of("calls.jsonl", "run.json", "results.jsonl", "summary.json")) {
                Files.copy(runDir.resolve(file), copy.resolve(file));
            }
            return copy;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"conforming", "wrong-error:FFA_RXTX_MAP:DENIED:BUSY", "execute-on-not-specified"})
    @DisplayName("reproduces every verdict of the simulated FF-A catalogue, conforming and with a deviation")
    void simulated(String deviation) throws IOException {
        String name = "sim-" + deviation.replaceAll("[^a-z]+", "-");
        String shipped = Files.readString(ProjectLayout.discover().targetsDir().resolve("simulated-tfa.yaml"));
        String text = shipped.replace("name: simulated-tfa", "name: " + name);
        if (!deviation.equals("conforming")) {
            text = text.replace("\nffa:", "\nsimulated:\n  deviations: [\"" + deviation + "\"]\nffa:");
        }
        Path descriptor = Files.writeString(temp.resolve(name + ".yaml"), text);
        Path runDir = temp.resolve("run-" + name);
        CliRun.of("run", "-t", descriptor.toString(), "--tag", "ffa | smccc", "-o", runDir.toString());
        List<JsonNode> verdicts = lines(runDir, "verdict");
        assertThat(verdicts).hasSizeGreaterThan(100);
        boolean anyFailed = verdicts.stream().anyMatch(v -> v.get("verdict").asText().equals("FAIL"));
        assertThat(anyFailed).as("the run has failed calls").isEqualTo(!deviation.equals("conforming"));
        assertThat(lines(runDir, "call")).anyMatch(call -> call.get("conduit").asText().equals("DIRECT_REQUEST"));

        CliRun recheck = CliRun.of("recheck", runDir.toString());
        assertThat(recheck.exitCode()).as(recheck.out() + recheck.err()).isZero();
        assertThat(lastLine(recheck)).isEqualTo("0 verdicts changed");
        if (deviation.equals("conforming")) {
            changedQueryAloneChanges(runDir);
        }
    }

    /**
     * A profile change that contradicts one query in the middle of a boot changes that call's verdict
     * alone: the calls the run went on to make on that boot are judged, not written off as unknown.
     */
    private void changedQueryAloneChanges(Path runDir) throws IOException {
        List<Long> expected = new ArrayList<>();
        List<JsonNode> verdicts = lines(runDir, "verdict");
        List<JsonNode> calls = lines(runDir, "call");
        for (int i = 0; i < calls.size(); i++) {
            JsonNode in = calls.get(i).get("in");
            if (in.get(0).asText().equals("0x80000001") && in.path(1).asText().equals("0x80008000")
                    && verdicts.get(i).get("verdict").asText().equals("PASS")) {
                expected.add(calls.get(i).get("seq").asLong());
            }
        }
        CliRun recheck = CliRun.of("recheck", runDir.toString(), "--profile-override", "archFeature.0x80008000=-2");
        assertThat(recheck.exitCode()).as(recheck.out() + recheck.err()).isEqualTo(1);
        List<Long> changed = new ArrayList<>();
        JSON.readTree(runDir.resolve("recheck.json").toFile()).get("changes")
                .forEach(change -> changed.add(change.get("sequence").asLong()));
        assertThat(expected).isNotEmpty();
        assertThat(changed).as(recheck.out()).isEqualTo(expected);
    }
}
