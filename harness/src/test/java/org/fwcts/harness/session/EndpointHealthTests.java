package org.fwcts.harness.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.fwcts.model.ffa.EndpointId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Endpoint health across the boots of a run")
class EndpointHealthTests {
    private static final EndpointId PARTITION = EndpointId.of(0x8001);
    private static final EndpointId OTHER = EndpointId.of(0x8002);
    private final EndpointHealth endpoints = new EndpointHealth();

    @Test
    @DisplayName("gives an endpoint up once it is silent on a boot after a relaunch, naming both boots")
    void silentAcrossRelaunch() {
        endpoints.unanswered(PARTITION, 3, "PING request");
        assertThat(endpoints.givenUp(PARTITION)).isEmpty();
        assertThat(endpoints.reason(PARTITION)).isEmpty();

        endpoints.unanswered(PARTITION, 4, "INFO request");
        assertThat(endpoints.reason(PARTITION)).contains("0x8001 did not recover: it did not answer on boot 3"
                + " (PING request) nor, after a relaunch, on boot 4 (INFO request)");
        assertThat(endpoints.givenUp(OTHER)).as("per endpoint").isEmpty();
        assertThat(endpoints.givenUpEndpoints()).containsOnlyKeys(PARTITION);
    }

    @Test
    @DisplayName("does not give up on silences within one boot, nor on one it answered after")
    void passingSilence() {
        endpoints.unanswered(PARTITION, 2, "PING request");
        endpoints.unanswered(PARTITION, 2, "PING request");
        assertThat(endpoints.givenUp(PARTITION)).as("the same boot twice").isEmpty();

        endpoints.answered(PARTITION);
        endpoints.unanswered(PARTITION, 5, "PING request");
        assertThat(endpoints.givenUp(PARTITION)).as("answered in between").isEmpty();
    }

    @Test
    @DisplayName("keeps an endpoint given up even if a later call is answered")
    void givenUpStays() {
        endpoints.unanswered(PARTITION, 1, "PING request");
        endpoints.unanswered(PARTITION, 2, "PING request");
        endpoints.answered(PARTITION);
        assertThat(endpoints.givenUp(PARTITION)).isPresent();
    }
}
