package org.fwcts.model.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The memory benchmarks measure calls that succeed, not an early error path. */
@DisplayName("Memory call benchmark")
class MemoryCallsBenchmarkTests {

    @ParameterizedTest(name = "{0}: FFA_MEM_DONATE answers {1}")
    @CsvSource({"tfa-el3-spmc, FFA_ERROR", "hafnium, FFA_SUCCESS"})
    @DisplayName("steps calls the model predicts to succeed (where the SPMC provides them), each matched by a"
            + " conforming answer")
    void everyStepSucceeds(String profile, FfaFunction donation) {
        MemoryCallsBenchmark bench = new MemoryCallsBenchmark();
        bench.profile = profile;
        bench.setUp();
        expect(bench, bench.share, FfaFunction.FFA_SUCCESS);
        expect(bench, bench.lend, FfaFunction.FFA_SUCCESS);
        expect(bench, bench.donate, donation); // TF-A's EL3 SPMC does not provide it
        expect(bench, bench.retrieve, FfaFunction.FFA_MEM_RETRIEVE_RESP);
        expect(bench, bench.relinquish, FfaFunction.FFA_SUCCESS);
        expect(bench, bench.reclaim, FfaFunction.FFA_SUCCESS);
        expect(bench, bench.fragTx, FfaFunction.FFA_SUCCESS);
        expect(bench, bench.fragRx, FfaFunction.FFA_MEM_FRAG_TX);
    }

    private static void expect(MemoryCallsBenchmark bench, MemoryCallsBenchmark.Step step, FfaFunction answer) {
        assertThat(step.answer().x(0)).as("x0 answering %s", step.call()).isEqualTo(answer.x0());
        assertThat(bench.predictAndMatch(step)).isInstanceOf(FfaOutcome.Match.Consistent.class);
    }
}
