package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The version negotiation tests need a boot on which the normal world has not negotiated: a test
 * after one that left negotiation open (as the model follows it) shares that boot, and every
 * other one boots afresh.
 */
@DisplayName("version negotiation tests on the simulated TF-A target")
class NegotiationBootPlanSelfTests {
    @TempDir
    Path temp;

    @Test
    @DisplayName("share a boot only where the model shows negotiation not begun, and all pass")
    void sharesBootsTheModelAllows() throws IOException {
        Path dir = temp.resolve("run");
        CliRun run = CliRun.of("run", "-t", "simulated-tfa", "--test", "FfaVersionNegotiationTests", "--output",
                dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.get("counts").get("passed").asInt()).isEqualTo(10);
        String boots = summary.get("target").get("boots").asText();
        // The run's first boot agrees a version when it probes for FF-A, so the first incompatible
        // request boots afresh; the three other incompatible requests (TF-A's SPMD answers their
        // FFA_ID_GET outside negotiation) and the first compatible request share its boot; the
        // compatible requests, the renegotiation and the call before FFA_VERSION each end with a
        // version agreed, so each test after them boots afresh: 7 boots where 11 were made before.
        assertThat(boots).startsWith("7 (first test; fresh boot for FfaVersionNegotiationTests.request 0x65539")
                .contains("fresh boot for FfaVersionNegotiationTests.first request 0x65537")
                .contains("fresh boot for FfaVersionNegotiationTests.a request with bit 31 set");
        assertThat(boots.split("fresh boot for ", -1)).hasSize(7);
        assertThat(boots).doesNotContain("request 0x65791").doesNotContain("request 0x131072")
                .doesNotContain("request 0x1 ").doesNotContain("first request 0x65536");
    }
}
