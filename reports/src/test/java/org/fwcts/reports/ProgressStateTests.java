package org.fwcts.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A progress state")
class ProgressStateTests {

    @Test
    @DisplayName("before the first test knows no estimate")
    void noEstimateAtStart() {
        ProgressState start = new ProgressState(0, 73, 0, 0, Duration.ZERO);
        assertThat(start.remaining()).isEmpty();
        assertThat(start.timing()).isEqualTo("0:00 elapsed");
        assertThat(start.counter()).isEqualTo("[ 0/73]");
    }

    @Test
    @DisplayName("estimates the time left at the pace so far")
    void estimatesAtThePaceSoFar() {
        ProgressState state = new ProgressState(10, 40, 0, 1, Duration.ofSeconds(20));
        assertThat(state.remaining()).contains(Duration.ofSeconds(60));
        assertThat(state.timing()).isEqualTo("0:20 elapsed, ~1:00 left");
    }

    @Test
    @DisplayName("marks the total and the estimate as lower bounds while parameterized tests may add cases")
    void lowerBoundsWhileCasesMayBeAdded() {
        ProgressState state = new ProgressState(5, 30, 2, 0, Duration.ofSeconds(5));
        assertThat(state.counter()).isEqualTo("[ 5/32+]");
        assertThat(state.timing()).isEqualTo("0:05 elapsed, >0:27 left");
    }

    @Test
    @DisplayName("formats a plain log line with status, test, reason and where the run is")
    void plainLine() {
        ProgressState state = new ProgressState(3, 4, 0, 1, Duration.ofSeconds(90));
        assertThat(state.plainLine(TestStatus.SKIPPED, "FFA_VERSION › v1.0", "FF-A absent"))
                .isEqualTo("[3/4] SKIPPED FFA_VERSION › v1.0 — FF-A absent   (1:30 elapsed, ~0:30 left, 1 not passed)");
    }

    @Test
    @DisplayName("fits the live line into the terminal's width by cutting the start of a long test name")
    void cutsLiveLine() {
        ProgressState state = new ProgressState(1, 2, 0, 0, Duration.ofSeconds(1));
        String line = state.liveLine("PSCI_FEATURES › answers for every PSCI function › PSCI_FEATURES(CPU_ON)", 70);
        assertThat(line).hasSize(69).startsWith("[1/2] 0 not passed | 0:01 elapsed, ~0:01 left | …")
                .endsWith("SCI_FEATURES(CPU_ON)");
        assertThat(state.liveLine("short", 70)).isEqualTo("[1/2] 0 not passed | 0:01 elapsed, ~0:01 left | short");
    }

    @Test
    @DisplayName("shows hours once a run passes an hour")
    void clockWithHours() {
        assertThat(ProgressState.clock(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
        assertThat(ProgressState.clock(Duration.ofSeconds(59))).isEqualTo("0:59");
    }
}
