package org.fwcts.harness.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.Registers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The call pipeline")
class CallPipelineTests {
    @TempDir
    Path temp;

    private Judgement one(Registers call, java.util.function.UnaryOperator<Registers> answer) {
        return one(Conduit.SMC, call, answer);
    }

    private Judgement one(Conduit conduit, Registers call, java.util.function.UnaryOperator<Registers> answer) {
        try (CallHistory history = CallHistory.appendingTo(temp.resolve("one.jsonl"))) {
            CallPipeline pipeline = new CallPipeline(PipelineFixture.model(Map.of()), history);
            pipeline.newBoot("test");
            return pipeline.call(PipelineFixture.agent(answer), conduit, call, new byte[0]);
        }
    }

    @Nested
    @DisplayName("judges each call")
    class Judging {
        @Test
        @DisplayName("PASS when the target answers as the model predicts, citing the rule")
        void pass() {
            Judgement judgement = one(Registers.of(PipelineFixture.PSCI_VERSION), PipelineFixture::qemu);
            assertThat(judgement.verdict()).isEqualTo(Verdict.PASS);
            assertThat(judgement.rule()).isEqualTo("PSCI.VERSION");
        }

        @Test
        @DisplayName("FAIL when it contradicts the prediction")
        void fail() {
            Judgement judgement = one(Registers.of(PipelineFixture.PSCI_VERSION), call -> Registers.of(2));
            assertThat(judgement.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(judgement.check().orElseThrow().mismatches()).containsExactly(0);
        }

        @Test
        @DisplayName("UNKNOWN when the agent gives no answer, never PASS or FAIL")
        void unknown() {
            assertThat(one(Registers.of(PipelineFixture.PSCI_VERSION), call -> null).verdict()).isEqualTo(Verdict.UNKNOWN);
        }

        @Test
        @DisplayName("UNMODELLED, without making the call, when the model has no prediction")
        void unmodelled() {
            boolean[] made = {false};
            Judgement judgement = one(Registers.of(0xC400_0003L), call -> {
                made[0] = true;
                return Registers.of(0);
            });
            assertThat(judgement.verdict()).isEqualTo(Verdict.UNMODELLED);
            assertThat(judgement.reason()).startsWith("no prediction under profile qemu-builtin-psci");
            assertThat(made[0]).as("the call was made").isFalse();
        }

        @Test
        @DisplayName("UNMODELLED, not UNKNOWN, for a call a partition's agent would have carried by direct requests")
        void unmodelledCarried() {
            Judgement judgement = one(Conduit.DIRECT_REQUEST, Registers.of(0xC400_0003L), call -> Registers.of(0));
            assertThat(judgement.verdict()).isEqualTo(Verdict.UNMODELLED);
            assertThat(judgement.reason()).startsWith("no prediction under profile qemu-builtin-psci");
        }
    }

    @Nested
    @DisplayName("judges a partition's call carried by direct requests")
    class Carried {
        private static final org.fwcts.model.ffa.EndpointId PARTITION = org.fwcts.model.ffa.EndpointId.of(0x8001);
        private static final long DIRECT_REQ_64 = 0xC400_006FL;
        private static final long FFA_ERROR = 0x8400_0060L;
        private static final long FFA_ID_GET = 0x8400_0069L;
        private static final long FFA_VERSION = 0x8400_0063L;

        @Test
        @DisplayName("FAIL under the forwarding rule, not under none, when the SPMC answers the carrying request"
                + " itself before the partition runs")
        void refusedCarrier() {
            // The SPMC answers the normal world's request with FFA_ERROR(NOT_SUPPORTED) where the model forwards it.
            Exchange refused = new Exchange(Registers.of(DIRECT_REQ_64, PARTITION.value()),
                    Registers.of(FFA_ERROR, 0, 0xFFFF_FFFFL));
            AgentChannel partition = new AgentChannel() {
                @Override
                public org.fwcts.model.ffa.EndpointId endpoint() {
                    return PARTITION;
                }

                @Override
                public Observed invoke(Conduit conduit, Registers call, byte[] tx, int rxLength) {
                    return new Observed(new org.fwcts.harness.agent.Observation.Indeterminate(
                            "the partition agent stopped"), java.util.Optional.empty(), List.of(refused), -1);
                }
            };
            try (CallHistory history = CallHistory.appendingTo(temp.resolve("carried.jsonl"))) {
                org.fwcts.model.profile.Profile tfa = org.fwcts.model.profile.Profiles.named("tfa-el3-spmc").orElseThrow();
                CallPipeline pipeline = new CallPipeline(new org.fwcts.model.firmware.FirmwareModel(tfa), history);
                pipeline.newBoot("test");
                Judgement version = pipeline.call(PipelineFixture.agent(call -> Registers.of(0x1_0002L)), Conduit.SMC,
                        Registers.of(FFA_VERSION, 0x1_0002L), new byte[0]);
                assertThat(version.verdict()).as(version.reason()).isEqualTo(Verdict.PASS);
                Judgement judgement = pipeline.call(partition, Conduit.DIRECT_REQUEST, Registers.of(FFA_ID_GET),
                        new byte[0]);
                assertThat(judgement.verdict()).isEqualTo(Verdict.FAIL);
                assertThat(judgement.reason()).contains("forwarding contradicts the model");
                assertThat(judgement.rule()).as(judgement.reason()).isNotEqualTo("none").contains("DIRECT");
            }
        }
    }

    @Nested
    @DisplayName("records every call in its history before judging it")
    class History {
        @Test
        @DisplayName("a boot line, then each call followed by its verdict, read back as written")
        void roundTrip() {
            Path file = temp.resolve("calls.jsonl");
            PipelineFixture.twoBoots(file, PipelineFixture::qemu);
            List<HistoryLine> lines = CallHistory.read(file);
            assertThat(lines).hasSize(10);
            assertThat(lines.get(0)).isInstanceOf(HistoryLine.Boot.class);
            HistoryLine.Call call = (HistoryLine.Call) lines.get(1);
            assertThat(call.entry().registers()).isEqualTo(Registers.of(PipelineFixture.PSCI_VERSION));
            assertThat(call.entry().test()).contains("test-1");
            assertThat(((HistoryLine.Judged) lines.get(2)).verdict()).isEqualTo(Verdict.PASS);
            assertThat(lines.get(5)).isInstanceOf(HistoryLine.Boot.class);
        }

        @Test
        @DisplayName("trailing zero registers are left out and read back as zero; more than 18 are refused")
        void trailingZeros() throws IOException {
            Path file = temp.resolve("calls.jsonl");
            PipelineFixture.twoBoots(file, PipelineFixture::qemu);
            assertThat(Files.readAllLines(file).get(1)).contains("\"in\":[\"0x84000000\"]");
            rewriteLine(file, 1, "\"in\":[\"0x84000000\"]", "\"in\":[\"0x84000000\",\"0x0\",\"0x5\"]");
            HistoryLine.Call call = (HistoryLine.Call) CallHistory.read(file).get(1);
            assertThat(call.entry().registers()).isEqualTo(Registers.of(PipelineFixture.PSCI_VERSION, 0, 5));
            rewriteLine(file, 1, "\"in\":[\"0x84000000\",", "\"in\":[" + "\"0x0\",".repeat(18));
            assertThatThrownBy(() -> CallHistory.read(file))
                    .hasMessage(file + ":2: in: expected 1 to 18 registers (those left out are zero)");
        }

        @Test
        @DisplayName("past its size limit, a boot whose calls all pass is counted, not written; one with a failure is"
                + " written whole")
        void limitPassingBoots() {
            Path file = temp.resolve("calls.jsonl");
            try (CallHistory history = CallHistory.appendingTo(file)) {
                history.limitPassingBoots(1);
                CallPipeline pipeline = new CallPipeline(PipelineFixture.model(Map.of()), history);
                AgentChannel agent = PipelineFixture.agent(PipelineFixture::qemu);
                AgentChannel wrong = PipelineFixture.agent(call -> Registers.of(0x2_0000L));
                for (AgentChannel second : List.of(agent, agent, wrong, agent)) {
                    pipeline.newBoot("boot");
                    pipeline.call(agent, Conduit.SMC, Registers.of(PipelineFixture.PSCI_VERSION), new byte[0]);
                    pipeline.call(second, Conduit.SMC, Registers.of(PipelineFixture.PSCI_VERSION), new byte[0]);
                }
                history.close();
                assertThat(history.leftOutBoots()).isEqualTo(2);
                assertThat(history.leftOutCalls()).isEqualTo(4);
            }
            List<HistoryLine> lines = CallHistory.read(file);
            // Boot 1 reached the limit; boot 2 is left out; boot 3 failed and is whole; boot 4 is left out.
            assertThat(lines).hasSize(10);
            assertThat(lines.get(5)).isInstanceOfSatisfying(HistoryLine.Boot.class, boot -> assertThat(boot.boot())
                    .isEqualTo(3));
            assertThat(((HistoryLine.Call) lines.get(6)).entry().sequence()).isEqualTo(5);
            assertThat(((HistoryLine.Judged) lines.get(9)).verdict()).isEqualTo(Verdict.FAIL);
        }

        @Test
        @DisplayName("a truncated last line is an error naming the file and line")
        void truncated() throws IOException {
            Path file = temp.resolve("calls.jsonl");
            PipelineFixture.twoBoots(file, PipelineFixture::qemu);
            String text = Files.readString(file);
            Files.writeString(file, text.substring(0, text.length() - 20));
            assertThatThrownBy(() -> CallHistory.read(file)).hasMessage(file + ":10: the line is truncated (no line end)");
        }

        @Test
        @DisplayName("a damaged line is an error naming the file, line and field")
        void damaged() throws IOException {
            Path file = temp.resolve("calls.jsonl");
            PipelineFixture.twoBoots(file, PipelineFixture::qemu);
            rewriteLine(file, 3, "\"conduit\":\"SMC\"", "\"conduit\":\"SVC\"");
            assertThatThrownBy(() -> CallHistory.read(file)).hasMessage(file + ":4: conduit: unknown conduit 'SVC'");
        }
    }

    @Nested
    @DisplayName("continues the history of a run it resumes")
    class Resuming {
        @Test
        @DisplayName("cutting the line the killed run left half-written, and numbering calls and boots on")
        void continuesNumbering() throws IOException {
            Path file = temp.resolve("calls.jsonl");
            PipelineFixture.twoBoots(file, PipelineFixture::qemu);
            String text = Files.readString(file);
            Files.writeString(file, text.substring(0, text.length() - 20));
            PipelineFixture.twoBoots(file, PipelineFixture::qemu);
            List<HistoryLine> lines = CallHistory.read(file);
            assertThat(lines.stream().filter(HistoryLine.Call.class::isInstance)
                    .map(line -> ((HistoryLine.Call) line).entry().sequence())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(lines.stream().filter(HistoryLine.Boot.class::isInstance)
                    .map(line -> ((HistoryLine.Boot) line).boot())).containsExactly(1, 2, 3, 4);
        }

        @Test
        @DisplayName("a call recorded but not judged before the kill is not a verdict to reproduce")
        void callWithoutVerdict() throws IOException {
            Path file = temp.resolve("calls.jsonl");
            PipelineFixture.twoBoots(file, PipelineFixture::qemu);
            List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
            lines.remove(lines.size() - 1);
            Files.write(file, lines);
            assertThatThrownBy(() -> Recheck.of(CallHistory.read(file), PipelineFixture.model(Map.of())))
                    .hasMessageContaining("line 9: call 4 has no verdict line");
            PipelineFixture.twoBoots(file, PipelineFixture::qemu);
            Recheck recheck = Recheck.of(CallHistory.read(file), PipelineFixture.model(Map.of()));
            assertThat(recheck.calls()).isEqualTo(7);
            assertThat(recheck.changes()).isEmpty();
        }
    }

    @Nested
    @DisplayName("a recheck of a stored history")
    class Rechecking {
        @Test
        @DisplayName("with the same model reproduces every verdict")
        void unchanged() {
            Path file = temp.resolve("calls.jsonl");
            PipelineFixture.twoBoots(file, call -> call.x(0) == PipelineFixture.PSCI_VERSION ? Registers.of(2) : Registers.of(0));
            Recheck recheck = Recheck.of(CallHistory.read(file), PipelineFixture.model(Map.of()));
            assertThat(recheck.calls()).isEqualTo(4);
            assertThat(recheck.counts()).containsEntry(Verdict.FAIL, 2).containsEntry(Verdict.PASS, 2);
            assertThat(recheck.changes()).isEmpty();
        }

        @Test
        @DisplayName("with a changed profile lists exactly the calls whose verdict changes")
        void changedProfile() {
            Path file = temp.resolve("calls.jsonl");
            PipelineFixture.twoBoots(file, PipelineFixture::qemu);
            Recheck recheck = Recheck.of(CallHistory.read(file), PipelineFixture.model(Map.of("psciVersion", "1.0")));
            assertThat(recheck.changes()).extracting(Recheck.Change::sequence).containsExactly(1L, 3L);
            assertThat(recheck.changes()).allSatisfy(change -> {
                assertThat(change.before()).isEqualTo(Verdict.PASS);
                assertThat(change.after()).isEqualTo(Verdict.FAIL);
            });
            assertThat(recheck.tests().get("test-1").changed()).isTrue();
        }
    }

    /** Replaces {@code from} with {@code to} in line {@code index} (from 0) of {@code file}. */
    private static void rewriteLine(Path file, int index, String from, String to) throws IOException {
        List<String> lines = Files.readAllLines(file);
        lines.set(index, lines.get(index).replace(from, to));
        Files.write(file, lines);
    }
}
