package org.fwcts.model.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.firmware.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The mediator benchmarks measure calls that succeed, not an early error path. */
@DisplayName("Mediator call benchmark")
class MediatorCallsBenchmarkTests {

    @Test
    @DisplayName("steps a VM's share, reclaim and ID_GET that the model predicts to succeed, each matched by a"
            + " conforming answer")
    void everyStepSucceeds() {
        MediatorCallsBenchmark bench = new MediatorCallsBenchmark();
        bench.setUp();
        expect(bench, bench.share, FfaFunction.FFA_SUCCESS);
        expect(bench, bench.reclaim, FfaFunction.FFA_SUCCESS);
        expect(bench, bench.idGet, FfaFunction.FFA_SUCCESS);
        assertThat(bench.idGet.answer().x(2)).as("VM 2's ID").isEqualTo(MediatorCallsBenchmark.VM2.value());
    }

    private static void expect(MediatorCallsBenchmark bench, MediatorCallsBenchmark.Step step, FfaFunction answer) {
        assertThat(step.answer().x(0) & 0xFFFF_FFFFL).as("x0 answering %s", step.call())
                .isEqualTo(answer.x0() & 0xFFFF_FFFFL);
        assertThat(bench.predictAndMatch(step)).isInstanceOf(Outcome.Match.Consistent.class);
    }
}
