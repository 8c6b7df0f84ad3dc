package org.fwcts.harness.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The partition agent's stop line")
class PartitionAgentStopTests {

    @Test
    @DisplayName("is recognised when it stops after refused entries or panics, with what it said")
    void recognisesStops() {
        assertThat(PartitionAgentStop.in("fwcts-sp-agent: stopped, last entry x0=0x84000060"))
                .contains("stopped, last entry x0=0x84000060");
        assertThat(PartitionAgentStop.in("fwcts-sp-agent: panic esr=0x96000045 far=0x0 elr=0x0e100010\r"))
                .contains("panic esr=0x96000045 far=0x0 elr=0x0e100010");
    }

    @Test
    @DisplayName("is not confused with its boot line, firmware output or protocol frames")
    void ignoresOtherLines() {
        assertThat(PartitionAgentStop.in("fwcts-sp-agent 1.0: S-EL1 partition 0x8001 waiting for direct requests"))
                .isEmpty();
        assertThat(PartitionAgentStop.in("NOTICE:  BL31: v2.15.0(release)")).isEmpty();
        assertThat(PartitionAgentStop.in("<5fb34224 ok 84000070 80010000 #09d800b0")).isEmpty();
    }
}
