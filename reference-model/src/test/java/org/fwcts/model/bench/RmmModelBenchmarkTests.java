package org.fwcts.model.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.fwcts.model.prediction.RegisterPrediction;
import org.fwcts.model.rmm.RmmOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The RMM benchmarks measure commands that succeed, not an early error path. */
@DisplayName("RMM model benchmark")
class RmmModelBenchmarkTests {

    @Test
    @DisplayName("every benchmarked command is predicted to succeed")
    void everyStepSucceeds() {
        RmmModelBenchmark bench = new RmmModelBenchmark();
        bench.setUp();
        for (RmmOutcome outcome : new RmmOutcome[] {bench.granuleDelegate(), bench.granuleUndelegate(), bench.rttCreate(),
                bench.rttDestroy(), bench.rttReadEntry()}) {
            RegisterPrediction x0 = ((RmmOutcome.Answered) outcome).prediction().registers().get(0);
            assertThat(x0.admits(0)).as(((RmmOutcome.Answered) outcome).prediction().summary()).isTrue();
            assertThat(x0.admits(1)).isFalse();
        }
    }
}
