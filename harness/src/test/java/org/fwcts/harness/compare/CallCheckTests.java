package org.fwcts.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.fwcts.harness.agent.Observation;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.prediction.RegisterPrediction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A call check")
class CallCheckTests {
    private static final Rule RULE = new Rule("TEST.ANY", "test document", "any section", "Anything goes.");
    private static final Prediction ANYTHING = new Prediction("anything", RULE,
            Collections.nCopies(Registers.COUNT, new RegisterPrediction.DontCare(RULE)));
    private static final CallCheck COMPLETED = new CallCheck("smc", Registers.of(1), ANYTHING,
            new Observation.Completed(Registers.zero()));

    @Test
    @DisplayName("without memory differences passes on admitted registers and says nothing about memory")
    void passesWithoutMemoryDiff() {
        assertThat(COMPLETED.verdict()).isEqualTo(Verdict.PASS);
        assertThat(COMPLETED.memoryDiff()).isEmpty();
        assertThat(COMPLETED.memoryDiffText()).isEmpty();
    }

    @Test
    @DisplayName("with a memory or descriptor difference fails and lists it")
    void failsOnMemoryDiff() {
        CallCheck check = COMPLETED.withMemoryDiff(List.of("RX[0x10..0x13]: predicted 0x00000001, observed 0x00000000"));
        assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(check.memoryDiffText()).contains("memory/descriptor differences").contains("RX[0x10..0x13]");
    }

    @Test
    @DisplayName("without an answer stays unknown whatever the memory shows")
    void unknownStaysUnknown() {
        CallCheck check = new CallCheck("smc", Registers.of(1), ANYTHING, new Observation.Indeterminate("no reply"))
                .withMemoryDiff(List.of("anything"));
        assertThat(check.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(check.observed()).isEqualTo("indeterminate: no reply");
    }

    @Test
    @DisplayName("tabulates every register in fixed columns, marking a mismatch")
    void tableColumns() {
        Prediction zeroes = new Prediction("all zero", RULE,
                Collections.nCopies(Registers.COUNT, new RegisterPrediction.Exact(0, RegisterPrediction.Exact.ALL_BITS, RULE)));
        CallCheck check = new CallCheck("smc from 0x8001", Registers.of(0x84000000L), zeroes,
                new Observation.Completed(Registers.of(-1L)));
        String eol = System.lineSeparator();
        String[] lines = check.table().split(eol, -1);
        assertThat(lines[0]).isEqualTo("SMC from 0x8001 0x84000000: all zero");
        assertThat(lines[1]).isEqualTo("deciding rule TEST.ANY — test document, any section");
        assertThat(lines[3]).isEqualTo(String.format("%-4s %-24s %-20s %-20s %s", "reg", "predicted", "observed", "input",
                "rule"));
        assertThat(lines[4]).isEqualTo(String.format("%-4s %-24s %-20s %-20s %s%s", "x0", zeroes.register(0).describe(),
                "0xffffffffffffffff", "0x84000000", "TEST.ANY", "   <-- MISMATCH"));
        assertThat(lines[5]).startsWith("x1   ").doesNotContain("MISMATCH");
        assertThat(lines).hasSize(4 + Registers.COUNT + 1);
    }
}
