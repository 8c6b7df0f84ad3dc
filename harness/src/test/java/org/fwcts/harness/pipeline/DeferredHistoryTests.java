package org.fwcts.harness.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fwcts.harness.compare.Verdict;
import org.fwcts.model.Registers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A call history whose flushes are deferred (explore)")
class DeferredHistoryTests {
    @TempDir
    Path dir;

    @Test
    @DisplayName("passing calls wait in memory; a divergence reaches the file as soon as it is judged, with the calls before it")
    void divergenceIsOnDiskAtOnce() throws IOException {
        Path file = dir.resolve("calls.jsonl");
        try (CallHistory history = CallHistory.appendingTo(file)) {
            history.deferFlushes();
            // QEMU's answer to PSCI_VERSION passes; 0x9999 does not.
            CallPipeline pipeline = new CallPipeline(PipelineFixture.model(Map.of()), history);
            AgentChannel passing = PipelineFixture.agent(PipelineFixture::qemu);
            pipeline.newBoot("boot 1");
            assertThat(Files.readString(file)).contains("\"type\":\"boot\"");
            assertThat(pipeline.call(passing, Conduit.SMC, Registers.of(PipelineFixture.PSCI_VERSION), new byte[0])
                    .verdict()).isEqualTo(Verdict.PASS);
            assertThat(Files.readString(file)).doesNotContain("\"type\":\"call\"");

            AgentChannel wrong = PipelineFixture.agent(call -> Registers.of(0x9999));
            assertThat(pipeline.call(wrong, Conduit.SMC, Registers.of(PipelineFixture.PSCI_VERSION), new byte[0])
                    .verdict()).isEqualTo(Verdict.FAIL);
            String written = Files.readString(file);
            assertThat(written.lines().filter(l -> l.contains("\"type\":\"call\""))).hasSize(2);
            assertThat(written).contains("\"verdict\":\"FAIL\"").endsWith("\n");

            pipeline.call(passing, Conduit.SMC, Registers.of(PipelineFixture.PSCI_VERSION), new byte[0]);
            history.flush();
            assertThat(CallHistory.read(file).stream().filter(l -> l instanceof HistoryLine.Call)).hasSize(3);
        }
    }
}
