package org.fwcts.testcases.ffa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fwcts.harness.partition.PartitionCommand;
import org.fwcts.harness.partition.PartitionStatus;
import org.fwcts.harness.partition.SpAgentBanner;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.ffa.messaging.DirectMessagingRules;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.testcases.support.TestRun;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.PartitionAgent;
import org.fwcts.testcases.support.RequiresFfa;
import org.fwcts.testcases.support.TargetUnresponsiveException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * Whether the partitions the SPMC lists are the endpoints they claim to be and answer at all:
 * evidence that turns a partition that never answers from a broken run into a conformance
 * failure with its rule. The partition agent prints the ID its own FFA_ID_GET returned at boot,
 * before it first waits, so that evidence exists even when it never answers a request.
 */
@ConformanceTest
@RequiresFfa
@Tag("ffa")
@Tag("area:discovery")
@DisplayName("FF-A partition identity and reachability")
class FfaPartitionIdentityTests {

    @Test
    @Tag("rule:FFA.ID_GET")
    @DisplayName("the ID a partition's own FFA_ID_GET gave it at initialisation is the ID it is listed with")
    void ownIdMatchesListing(FfaFirmware ffa, TestRun run) {
        List<Partition> partitions = ffa.model().topology().partitions();
        List<SpAgentBanner> banners = SpAgentBanner.in(run.bootConsole());
        if (partitions.size() != 1 || banners.size() != 1) {
            throw new TestAbortedException("needs one partition agent and its boot line; the topology has "
                    + partitions.size() + " partition(s), the boot printed " + banners.size() + " partition boot line(s)");
        }
        Partition partition = partitions.get(0);
        FfaCall idGet = FfaCall.of(partition.id(), Registers.of(FfaFunction.FFA_ID_GET.id().register()));
        FfaOutcome outcome = ffa.model().step(ffa.model().freshBoot(), idGet);
        Prediction predicted = ((FfaOutcome.Predicted) outcome).primary().registers();
        int reported = banners.get(0).endpointId();
        if (!predicted.register(2).admits(reported)) {
            throw new AssertionError(String.format("%s: the partition listed as %s got ID 0x%04x from its own FFA_ID_GET"
                    + " at boot (its boot line); the model predicts %s", predicted.rule(), partition.id(), reported,
                    predicted.register(2).describe()));
        }
    }

    @Test
    @Tag("rule:FFA.MSG.DIRECT_REQ.COMPLETES")
    @Tag("rule:FFA.MSG.DIRECT_REQ.FORWARD")
    @DisplayName("a direct request to each listed partition comes back, on this boot or on a fresh one")
    void listedPartitionsAnswer(TestRun run) {
        for (Partition partition : run.ffa().model().topology().partitions()) {
            if (partition.has(Partition.RECEIVES_DIRECT_REQ)) {
                answers(run, partition);
            }
        }
    }

    /** Pings {@code partition}, once more on a fresh boot if it is silent; fails once it is silent across the relaunch. */
    private static void answers(TestRun run, Partition partition) {
        for (int attempt = 1; attempt <= 2 && run.endpoints().givenUp(partition.id()).isEmpty(); attempt++) {
            FfaFirmware ffa = run.ffa();
            ffa.ready();
            try {
                PartitionAgent agent = PartitionAgent.in(ffa, partition);
                assertThat(agent.command(PartitionCommand.PING, 0, 0, 0).status()).isEqualTo(PartitionStatus.OK);
                return;
            } catch (TargetUnresponsiveException silent) {
                run.relaunchNow("retrying " + partition.id() + " on a fresh boot after it did not answer: "
                        + silent.getMessage());
            }
        }
        throw new AssertionError(DirectMessagingRules.REQ_COMPLETES + ": " + run.endpoints().reason(partition.id())
                .orElseThrow() + "; it is listed as receiving direct requests and the model forwards them to it ("
                + DirectMessagingRules.REQ_FORWARD.id() + ")");
    }
}
