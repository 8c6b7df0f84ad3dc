package org.fwcts.harness.partition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The partition agent's boot line")
class SpAgentBannerTests {

    @Test
    @DisplayName("gives the ID the partition's own FFA_ID_GET returned, for every partition agent that booted")
    void readsIds() {
        String console = """
                2026-12-05T07:30:48.6Z agent RX NOTICE:  BL31: Built : 07:29:41, Dec  5 2026
                2026-12-05T07:30:48.7Z agent RX fwcts-sp-agent 1.0: S-EL1 partition 0x8002 waiting for direct requests
                2026-12-05T07:30:48.8Z agent RX fwcts-sp-agent sim-1.0: S-EL1 partition 0x0 waiting for direct requests
                2026-12-05T07:30:48.85Z agent RX fwcts-sp-agent 2.0: agent=partition ep=0x8001 el=1, waiting for direct requests
                2026-12-05T07:30:48.9Z agent RX !fwcts-agent proto=1 el=2 caps=smc ver=1.0 #a9c367a2
                """;
        assertThat(SpAgentBanner.in(console)).containsExactly(new SpAgentBanner(0x8002), new SpAgentBanner(0),
                new SpAgentBanner(0x8001));
    }

    @Test
    @DisplayName("finds nothing in a boot without a partition agent")
    void noPartition() {
        assertThat(SpAgentBanner.in("fwcts-sp-agent: stopped, last entry x0=0x84000060\n!fwcts-agent proto=1")).isEmpty();
    }
}
