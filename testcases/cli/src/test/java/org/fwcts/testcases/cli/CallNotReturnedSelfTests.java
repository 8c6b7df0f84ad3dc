package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A firmware that never returns from one call, on the simulated FF-A target: the tests that make
 * that call fail under SMCCC.CALL_RETURNS (not BROKEN), the target is relaunched and the run goes
 * on, and the history records the call as not returned so that a recheck judges it the same.
 */
@DisplayName("fwcts run on a simulated firmware that never returns from FFA_SPM_ID_GET")
class CallNotReturnedSelfTests {
    private static final String DEVIATION = "never-returns:FFA_SPM_ID_GET";

    @TempDir
    static Path temp;

    @Test
    @DisplayName("fails exactly the tests that call it, under SMCCC.CALL_RETURNS, and a recheck agrees")
    void failsUnderTheRule() throws IOException {
        SimulatedVariants variants = variants();
        Path descriptor = deviating(variants, "never-returns");
        JsonNode summary = variants.runTarget("never-returns", descriptor);

        assertThat(SimulatedVariants.named(summary, "FAILED")).containsExactlyInAnyOrder(
                "FF-A IDs › FFA_SPM_ID_GET returns the SPMC's endpoint ID",
                "Saved explore scenarios › replays without a divergence › tfa-direct-req2-refused-after-spm-id-get.yaml");
        assertThat(SimulatedVariants.named(summary, "BROKEN")).isEmpty();
        assertThat(SimulatedVariants.named(summary, "PASSED")).hasSizeGreaterThan(150);
        for (JsonNode failed : RunCommandSelfTests.tests(summary, "FAILED")) {
            assertThat(failed.get("message").asText()).contains("rule SMCCC.CALL_RETURNS", "did not return within",
                    "predicted", "0x00008000");
        }

        Path runDir = variants.runDir("never-returns");
        List<String> notReturned = Files.readAllLines(runDir.resolve("calls.jsonl")).stream()
                .filter(line -> line.contains("\"notReturned\"")).toList();
        assertThat(notReturned).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"0x84000085\""));
        CliRun recheck = CliRun.of("recheck", runDir.toString());
        assertThat(recheck.exitCode()).as(recheck.out() + recheck.err()).isZero();
        assertThat(recheck.out().strip()).endsWith("0 verdicts changed");
    }

    @Test
    @DisplayName("explore finds the call that never returns as a divergence under SMCCC.CALL_RETURNS, shrunk to at most 6 calls")
    void exploreFindsAndShrinksIt() throws IOException {
        SimulatedVariants variants = variants();
        Path descriptor = deviating(variants, "never-returns-explore");
        CliRun explore = CliRun.of("explore", "-t", descriptor.toString(), "--calls", "400", "--seed", "1",
                "--progress", "plain", "-o", temp.resolve("explore").toString());
        assertThat(explore.exitCode()).as(explore.out() + explore.err()).isEqualTo(1);
        Matcher found = Pattern.compile("DIVERGENCE 1: \\S+ \\[SMCCC\\.CALL_RETURNS\\] — target deviation\\n"
                + ".*shrunk to (\\d+) calls").matcher(explore.out());
        assertThat(found.find()).as(explore.out()).isTrue();
        assertThat(Integer.parseInt(found.group(1))).isBetween(1, 6);
        assertThat(explore.out()).contains("observed: the call did not return within");
    }

    private static SimulatedVariants variants() {
        return new SimulatedVariants(temp, "simulated-tfa", "ffa");
    }

    /** The deviating simulation, named {@code name}, with one second a command: the call is given up after three, as its retransmissions would have taken. */
    private static Path deviating(SimulatedVariants variants, String name) throws IOException {
        return variants.descriptor(name, DEVIATION, text -> text.replace("commandSeconds: 5", "commandSeconds: 1"));
    }
}
