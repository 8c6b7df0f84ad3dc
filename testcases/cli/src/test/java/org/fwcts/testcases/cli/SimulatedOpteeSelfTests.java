package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OP-TEE mediator catalogue ({@code ./fwcts run -t simulated-xen-optee --tag optee}) against
 * the simulated Xen OP-TEE mediator: it passes on the conforming simulation, and with each injected
 * deviation it fails exactly the tests whose scenario reveals that deviation.
 */
@DisplayName("fwcts run on the simulated Xen OP-TEE mediator")
class SimulatedOpteeSelfTests {
    private static final String SHIPPED = "simulated-xen-optee";
    private static final String RPC = "OP-TEE mediator: RPCs and their resumption › ";
    private static final String CLIENTS = "OP-TEE mediator: client IDs per VM › ";

    @TempDir
    static Path temp;

    private static SimulatedVariants variants() {
        return new SimulatedVariants(temp, SHIPPED, "optee");
    }

    @Test
    @DisplayName("the shipped simulation (Xen 4.22, OP-TEE with two threads, two VMs) passes the OP-TEE catalogue, and says it is a simulation")
    void conforming() throws IOException {
        JsonNode summary = variants().runTarget("shipped", SHIPPED);
        assertThat(SimulatedVariants.named(summary, "FAILED")).isEmpty();
        assertThat(SimulatedVariants.named(summary, "BROKEN")).isEmpty();
        assertThat(SimulatedVariants.named(summary, "SKIPPED")).isEmpty();
        assertThat(summary.get("counts").get("passed").asInt()).isGreaterThanOrEqualTo(18);
        assertThat(summary.get("simulated").asBoolean()).as("summary.json says simulated").isTrue();
        assertThat(summary.get("target").toString()).contains("xen-4.22-optee");
        assertRecheckReproduces("shipped");
    }

    /** Judging the run's calls.jsonl again, command buffers read back included, gives the same verdicts. */
    private static void assertRecheckReproduces(String name) {
        CliRun recheck = CliRun.of("recheck", variants().runDir(name).toString());
        assertThat(recheck.exitCode()).as(recheck.out() + recheck.err()).isZero();
        assertThat(recheck.out()).contains("0 verdicts changed");
    }

    @Test
    @DisplayName("with one VM and three OP-TEE threads the catalogue still passes; the tests needing two VMs skip, saying so")
    void oneVmThreeThreads() throws IOException {
        Path file = variants().descriptor("one-vm", null, text -> text.replace("vms: \"2:2,3:2\"", "vms: \"2:2\"")
                .replace("opteeThreads: \"2\"", "opteeThreads: \"3\""));
        JsonNode summary = variants().runTarget("one-vm", file);
        assertThat(SimulatedVariants.named(summary, "FAILED")).isEmpty();
        assertThat(SimulatedVariants.named(summary, "BROKEN")).isEmpty();
        assertThat(SimulatedVariants.named(summary, "SKIPPED")).allMatch(name -> name.startsWith(CLIENTS)).hasSize(2);
        assertThat(Files.readString(variants().runDir("one-vm").resolve("summary.md")))
                .contains("needs 2 VMs with the OP-TEE mediator; the target has 1");
    }

    static Stream<Arguments> deviations() {
        return Stream.of(
                Arguments.of("optee-unshadowed", List.of(RPC + "the guest rewrites its command buffer while OP-TEE holds"
                        + " the call, and OP-TEE still works on Xen's copy: the outputs come back as OP-TEE saw them")),
                Arguments.of("optee-double-resume", List.of(RPC + "a second resume of a call that already ended is ERESUME",
                        RPC + "resuming an RPC_CMD without the cookie of the guest's RPC buffer: Xen writes no registers"
                                + " back and drops the call, which no resume reaches again",
                        CLIENTS + "a call one VM has waiting in OP-TEE cannot be resumed by another VM")),
                Arguments.of("optee-no-thread-limit", List.of("OP-TEE mediator: thread limit › with every thread held by a"
                        + " waiting call another call is ETHREAD_LIMIT, even one the mediator would refuse later, and"
                        + " succeeds once one ends")),
                Arguments.of("optee-wrong-client-id", List.of(CLIENTS + "a session one VM opened is not another VM's to"
                        + " invoke or close")),
                Arguments.of("optee-unaligned-accepted", List.of("OP-TEE mediator: command buffers › a command buffer not"
                        + " 4K-aligned is refused with EBADADDR and left as written")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviations")
    @DisplayName("each injected OP-TEE mediator deviation fails exactly the tests that reveal it")
    void deviation(String deviation, List<String> revealing) throws IOException {
        JsonNode summary = variants().run("deviation-" + deviation, deviation);
        assertThat(SimulatedVariants.named(summary, "FAILED")).containsExactlyInAnyOrderElementsOf(revealing);
        assertThat(SimulatedVariants.named(summary, "BROKEN")).isEmpty();
        assertRecheckReproduces("deviation-" + deviation);
    }
}
