package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code fwcts explore} from guest VMs behind Xen's mediators, on the simulated targets: with seed 1
 * and the default budget it finds each named mediator deviation, exits 1 and shrinks it to at most
 * 6 calls; the conforming simulations run their budget without a divergence; a scenario saved from a
 * VM fails {@code fwcts run --tag scenario} on the deviating target and passes on the conforming one;
 * an area the target has no endpoint for is one clear error.
 */
@DisplayName("fwcts explore from guest VMs behind Xen's FF-A and OP-TEE mediators")
class MediatorExploreSelfTests {

    @TempDir
    static Path temp;

    static Stream<Arguments> deviations() {
        return Stream.of(Arguments.of("simulated-xen-ffa", "double-listing-race"),
                Arguments.of("simulated-xen-ffa", "wrong-vm-id"), Arguments.of("simulated-xen-ffa", "share-handle-swapped"),
                Arguments.of("simulated-xen-optee", "optee-unshadowed"),
                Arguments.of("simulated-xen-optee", "optee-double-resume"),
                Arguments.of("simulated-xen-optee", "optee-no-thread-limit"),
                Arguments.of("simulated-xen-optee", "optee-wrong-client-id"),
                Arguments.of("simulated-xen-optee", "optee-unaligned-accepted"));
    }

    private static SimulatedVariants variants(String shipped) {
        return new SimulatedVariants(temp, shipped, "scenario");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("deviations")
    @DisplayName("finds each named mediator deviation with seed 1 in the default budget, exits 1, shrinks it to at most 6 calls")
    void findsDeviation(String shipped, String deviation) throws IOException {
        String name = "explore-" + deviation;
        Path runDir = temp.resolve("run-" + name);
        ExploreSelfTests.findsAndShrinks(variants(shipped).descriptor(name, deviation), runDir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.fwcts.testcases.cli.MediatorExploreSelfTests#conformingTargets")
    @DisplayName("the conforming simulations run their whole budget from every VM without a divergence")
    void conforming(String shipped, String rule) throws IOException {
        Path runDir = temp.resolve("run-conforming-" + shipped);
        CliRun run = CliRun.of("explore", "-t", shipped, "--seed", "1", "-o", runDir.toString(), "--progress", "plain");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("NO DIVERGENCE").containsPattern("3,0\\d\\d checked calls").contains(rule);
        String calls = Files.readString(runDir.resolve("calls.jsonl"));
        assertThat(calls).as("calls from both VMs").contains("\"caller\":\"0x0002\"").contains("\"caller\":\"0x0003\"");
    }

    static Stream<Arguments> conformingTargets() {
        return Stream.of(Arguments.of("simulated-xen-ffa", "XEN.FFA.MEM_SHARE"),
                Arguments.of("simulated-xen-optee", "XEN.OPTEE.THREAD_LIMIT"));
    }

    @Test
    @DisplayName("a scenario saved from a VM fails fwcts run --tag scenario on the deviating target and passes on the conforming one")
    void scenarioReplays() throws IOException {
        SimulatedVariants variants = variants("simulated-xen-ffa");
        Path deviating = variants.descriptor("scenario-vm-deviating", "wrong-vm-id");
        Path saved = temp.resolve("saved-vm-scenarios");
        CliRun explore = CliRun.of("explore", "-t", deviating.toString(), "--seed", "1", "--area", "vm-discovery",
                "-o", temp.resolve("run-scenario-vm-explore").toString(), "--save-scenarios", saved.toString(),
                "--progress", "plain");
        assertThat(explore.exitCode()).as(explore.out() + explore.err()).isEqualTo(1);
        assertThat(ExploreSelfTests.ScenarioFolder.files(saved)).hasSize(1);
        assertThat(Files.readString(ExploreSelfTests.ScenarioFolder.files(saved).get(0))).contains("area: \"vm-discovery\"");

        CliRun failing = CliRun.of("run", "-t", deviating.toString(), "--tag", "scenario", "--scenarios", saved.toString(),
                "-o", temp.resolve("run-scenario-vm-deviating").toString(), "--progress", "plain");
        assertThat(failing.exitCode()).as(failing.out() + failing.err()).isEqualTo(1);
        assertThat(failing.out()).contains("FAILED=1").contains("XEN.FFA.ID");

        CliRun passing = CliRun.of("run", "-t", "simulated-xen-ffa", "--tag", "scenario", "--scenarios", saved.toString(),
                "-o", temp.resolve("run-scenario-vm-conforming").toString(), "--progress", "plain");
        assertThat(passing.exitCode()).as(passing.out() + passing.err()).isZero();
        assertThat(passing.out()).contains("PASSED=1");
    }

    @Test
    @DisplayName("an area the target has no endpoint for is one error naming the option and the endpoints it needs, exit 2")
    void areaWithoutEndpoint() {
        CliRun guestsOnTfa = CliRun.of("explore", "-t", "simulated-tfa", "--area", "vm-memory");
        assertThat(guestsOnTfa.exitCode()).isEqualTo(2);
        assertThat(guestsOnTfa.err()).contains("--area: area 'vm-memory' needs calls from guest VMs behind Xen's FF-A"
                + " mediator").contains("target simulated-tfa").contains("nothing was booted");

        CliRun ffaOnOptee = CliRun.of("explore", "-t", "simulated-xen-optee", "--area", "optee-session,memory");
        assertThat(ffaOnOptee.exitCode()).isEqualTo(2);
        assertThat(ffaOnOptee.err()).contains("--area: area 'memory' needs the normal world and partitions of an FF-A"
                + " system").contains("its areas: optee-fast, optee-session, optee-rpc");

        CliRun opteeOnFfa = CliRun.of("explore", "-t", "simulated-xen-ffa", "--area", "optee-rpc");
        assertThat(opteeOnFfa.exitCode()).isEqualTo(2);
        assertThat(opteeOnFfa.err()).contains("--area: area 'optee-rpc' needs calls from guest VMs behind Xen's OP-TEE"
                + " mediator");
    }
}
