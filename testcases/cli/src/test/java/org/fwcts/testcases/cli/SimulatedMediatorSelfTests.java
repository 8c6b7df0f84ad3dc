package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mediator catalogue ({@code ./fwcts run -t simulated-xen-ffa --tag mediator}) against the
 * simulated Xen FF-A mediator: it passes on the conforming simulation, and with each injected
 * mediator deviation it fails exactly the tests whose scenario reveals that deviation.
 */
@DisplayName("fwcts run on the simulated Xen FF-A mediator")
class SimulatedMediatorSelfTests {
    private static final String SHIPPED = "simulated-xen-ffa";
    private static final String RACE = "Mediator: first calls on two vCPUs of one VM › concurrent first FFA_VERSION,"
            + " then concurrent first other calls, never list the VM twice › repetition ";

    @TempDir
    static Path temp;

    private static SimulatedVariants variants() {
        return new SimulatedVariants(temp, SHIPPED, "mediator");
    }

    /** A copy of the shipped descriptor named {@code name}, injecting {@code deviation}, under {@code profile}. */
    private static Path descriptor(String name, String deviation, String profile) throws IOException {
        return variants().descriptor(name, deviation,
                text -> profile == null ? text : text.replace("profile: xen-4.22-ffa", "profile: " + profile));
    }

    private static JsonNode run(String name, String deviation, String profile) throws IOException {
        return variants().runTarget(name, descriptor(name, deviation, profile));
    }

    private static List<String> named(JsonNode summary, String status) {
        return SimulatedVariants.named(summary, status);
    }

    @Test
    @DisplayName("the shipped simulation (Xen 4.22, two VMs, VM-to-VM) passes the mediator catalogue, and says it is a simulation")
    void conforming() throws IOException {
        JsonNode summary = variants().runTarget("shipped", SHIPPED);
        assertThat(named(summary, "FAILED")).isEmpty();
        assertThat(named(summary, "BROKEN")).isEmpty();
        assertThat(named(summary, "PASSED")).filteredOn(name -> name.startsWith(RACE)).hasSize(16);
        assertThat(summary.get("counts").get("passed").asInt()).isGreaterThanOrEqualTo(28);
        assertThat(summary.get("simulated").asBoolean()).as("summary.json says simulated").isTrue();
        assertThat(summary.get("target").toString()).contains("xen-4.22-ffa");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    @DisplayName("the simulation of each other Xen release passes the catalogue under that release's profile")
    void otherReleases(String profile, String vmToVm) throws IOException {
        String name = "release-" + profile;
        Path file = descriptor(name, null, profile);
        Files.writeString(file, Files.readString(file).replace("vmToVm: \"true\"", "vmToVm: \"" + vmToVm + "\""));
        JsonNode summary = variants().runTarget(name, file);
        assertThat(named(summary, "FAILED")).isEmpty();
        assertThat(named(summary, "BROKEN")).isEmpty();
        assertThat(summary.get("counts").get("passed").asInt()).isGreaterThanOrEqualTo(10);
    }

    @Test
    @DisplayName("a VM without the mediator gets the unknown-function answer and the tests leave it out; with none attached they skip, saying so with the evidence")
    void detachedVms() throws IOException {
        Path oneDetached = descriptor("one-detached", null, null);
        Files.writeString(oneDetached, Files.readString(oneDetached).replace("vms: \"2:2,3:2\"", "vms: \"2:2,3:2,4:1:detached\""));
        JsonNode summary = variants().runTarget("one-detached", oneDetached);
        assertThat(named(summary, "FAILED")).isEmpty();
        assertThat(named(summary, "BROKEN")).isEmpty();
        assertThat(named(summary, "PASSED")).contains("Mediator: VM identity and version › a VM without the mediator gets"
                + " SMCCC's unknown-function answer to FF-A calls");

        Path allDetached = descriptor("all-detached", null, null);
        Files.writeString(allDetached, Files.readString(allDetached)
                .replace("vms: \"2:2,3:2\"", "vms: \"2:2:detached,3:2:detached\""));
        JsonNode skipped = variants().runTarget("all-detached", allDetached);
        Path none = variants().runDir("all-detached");
        assertThat(named(skipped, "FAILED")).isEmpty();
        assertThat(named(skipped, "BROKEN")).isEmpty();
        assertThat(skipped.get("counts").get("passed").asInt()).isZero();
        assertThat(Files.readString(none.resolve("summary.md"))).contains("mediator not attached to VM 0x0002:"
                + " FFA_VERSION returned SMCCC's unknown-function answer (-1)");
    }

    static Stream<Arguments> releases() {
        return Stream.of(Arguments.of("xen-4.21-ffa", "true"), Arguments.of("xen-4.20-ffa", "false"));
    }

    private static final String SHARES = "Mediator: memory shared from a VM › ";

    static Stream<Arguments> deviations() {
        return Stream.of(
                Arguments.of("double-listing-race", IntStream.rangeClosed(1, 16)
                        .mapToObj(n -> RACE + n + " of 16").toList()),
                Arguments.of("wrong-vm-id", List.of("Mediator: VM identity and version › each VM's FFA_ID_GET is the"
                        + " endpoint its agent is addressed by: domain ID + 1")),
                Arguments.of("share-handle-swapped", List.of(SHARES + "a VM's page shared with the SP: retrieved naming"
                        + " the VM, written by the SP, relinquished, reclaimed", SHARES + "a handle is the sharing VM's"
                        + " alone: another VM's reclaim, or one never shared, is INVALID_PARAMETERS")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviations")
    @DisplayName("each injected mediator deviation fails exactly the tests that reveal it")
    void deviation(String deviation, List<String> revealing) throws IOException {
        JsonNode summary = run("deviation-" + deviation, deviation, null);
        assertThat(named(summary, "FAILED")).containsExactlyInAnyOrderElementsOf(revealing);
        assertThat(named(summary, "BROKEN")).isEmpty();
    }
}
