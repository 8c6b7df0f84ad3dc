package org.fwcts.harness.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.Observation;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Memory a call writes and reads back")
class CallMemoryTests {

    @Test
    @DisplayName("the model reads the last write that holds the whole range, and nothing else")
    void known() {
        var memory = CallMemory.known(List.of(new MemoryRegion(0x1000, new byte[] {1, 2, 3, 4}),
                new MemoryRegion(0x1002, new byte[] {9})));
        assertThat(memory.read(0x1000, 2)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2));
        assertThat(memory.read(0x1002, 1)).hasValueSatisfying(b -> assertThat(b).containsExactly(9));
        assertThat(memory.read(0x1003, 2)).isEmpty();
    }

    @Test
    @DisplayName("a call line keeps memIn and memOut through the history codec; a line without them reads as none")
    void codec() {
        Observed observed = new Observed(new Observation.Completed(Registers.of(0)), Optional.empty(), List.of(), -1,
                List.of(new MemoryRegion(0x8000_0800L, new byte[] {5, 6})));
        CallEntry entry = new CallEntry(7, 1, Optional.of("t"), EndpointId.HYPERVISOR, Conduit.SMC,
                Registers.of(0xC400_0158L), new byte[0], observed, List.of(new MemoryRegion(0x8000_0000L, new byte[] {1})));
        String line = HistoryCodec.call(entry);
        CallEntry read = ((HistoryLine.Call) HistoryCodec.parse(1, line)).entry();
        assertThat(read.memoryIn()).containsExactlyElementsOf(entry.memoryIn());
        assertThat(read.observed().memoryOut()).containsExactlyElementsOf(observed.memoryOut());
        String old = line.replaceAll(",\"memIn\":\\[[^\\]]*\\]", "").replaceAll(",\"memOut\":\\[[^\\]]*\\]", "");
        CallEntry before = ((HistoryLine.Call) HistoryCodec.parse(1, old)).entry();
        assertThat(before.memoryIn()).isEmpty();
        assertThat(before.observed().memoryOut()).isEmpty();
    }
}
