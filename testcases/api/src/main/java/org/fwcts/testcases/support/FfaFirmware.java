package org.fwcts.testcases.support;

import java.util.Optional;
import org.fwcts.harness.agent.AgentMemory;
import org.fwcts.harness.pipeline.CallPipeline;
import org.fwcts.harness.pipeline.Conduit;
import org.fwcts.harness.session.EndpointHealth;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.firmware.SpmcModel;
import org.fwcts.model.ffa.memory.Borrower;
import org.fwcts.model.ffa.memory.PageOwners;
import org.fwcts.model.ffa.memory.RelinquishDescriptor;
import org.fwcts.model.ffa.memory.TransactionRecord;
import org.fwcts.targets.descriptor.FfaSettings;

/**
 * The FF-A firmware as a test sees it from the normal world: each call is predicted by the SPMC
 * model with the TX bytes the test wrote, issued by the agent, and checked with the RX buffer it
 * fills. The model follows the target across the tests of one boot; once the target contradicts
 * it, the model no longer trusts its own state and the boot ends after the test.
 */
public final class FfaFirmware {
    /** Scratch page 0 is the normal world's TX buffer, page 1 its RX buffer; tests use the rest. */
    private static final int TX_PAGE = 0;
    private static final int RX_PAGE = 1;
    public static final int FIRST_FREE_PAGE = 2;

    private final Firmware firmware;
    private final SpmcModel model;
    private final Optional<FfaSettings> scratch;
    private final EndpointHealth endpoints;

    FfaFirmware(Firmware firmware, Optional<FfaSettings> scratch, EndpointHealth endpoints) {
        this.firmware = firmware;
        this.model = firmware.model().spmc().orElseThrow();
        this.scratch = scratch;
        this.endpoints = endpoints;
    }

    /** Stops the test at once, recorded as not run with the reason, when {@code endpoint} is given up for the run. */
    public void refuseIfGivenUp(EndpointId endpoint) {
        Optional<String> reason = endpoints.reason(endpoint);
        if (reason.isPresent()) {
            throw new org.opentest4j.TestAbortedException(reason.get());
        }
    }

    /** The normal-world agent's TX and RX buffers: scratch pages 0 and 1, when the descriptor gives scratch memory. */
    static Optional<org.fwcts.harness.pipeline.NormalWorldAgent.Mailbox> mailbox(Optional<FfaSettings> scratch) {
        return scratch.map(pages -> new org.fwcts.harness.pipeline.NormalWorldAgent.Mailbox(pages.page(TX_PAGE),
                pages.page(RX_PAGE)));
    }

    public EndpointId self() {
        return model.topology().primaryNormalWorld();
    }

    public SpmcModel model() {
        return model;
    }

    public FfaState state() {
        return firmware.state().ffa().orElseGet(model::freshBoot);
    }

    /** Makes a call that reads nothing from the TX buffer. */
    public FfaCheck call(Registers registers) {
        return call(registers, new byte[0]);
    }

    /** Writes {@code tx} to the TX buffer, then makes the call; a call the model cannot predict skips the test. */
    public FfaCheck call(Registers registers, byte[] tx) {
        if (tx.length > 0) {
            scratch();
        }
        return new FfaCheck(TestVerdicts.usable(pipeline().call(firmware.normalWorld(), Conduit.SMC, registers, tx)));
    }

    CallPipeline pipeline() {
        return firmware.pipeline();
    }

    Firmware firmware() {
        return firmware;
    }

    /**
     * Agrees v1.2 and maps the scratch buffers, each checked; does nothing already done. Skips the
     * test on a target whose normal world is a VM behind a hypervisor's FF-A mediator: the state
     * these steps read is the SPMC's record of a caller that calls it directly.
     */
    public void ready() {
        if (firmware.model().mediator().isPresent()) {
            throw new org.opentest4j.TestAbortedException("the normal world here is VM " + firmware.model().normalWorld()
                    + " behind the hypervisor's FF-A mediator: this test calls the SPMC from a normal world that reaches"
                    + " it directly (the mediator's own tests, tagged mediator, cover this target)");
        }
        if (state().endpoint(self()).version().agreed().isEmpty()) {
            CallAssert.assertThatCall(call(Registers.of(FfaFunction.FFA_VERSION.id().register(), 0x1_0002L)))
                    .matchesModel();
        }
        if (state().endpoint(self()).mailbox().isEmpty()) {
            CallAssert.assertThatCall(call(Registers.of(FfaFunction.FFA_RXTX_MAP.smc64().orElseThrow().register(),
                    txAddress(), rxAddress(), 1))).matchesModel();
        }
        if (state().endpoint(self()).mailbox().get().rxFull()) {
            CallAssert.assertThatCall(call(Registers.of(FfaFunction.FFA_RX_RELEASE.id().register()))).matchesModel();
        }
    }

    public long txAddress() {
        return scratch().page(TX_PAGE);
    }

    public long rxAddress() {
        return scratch().page(RX_PAGE);
    }

    /** Scratch page {@code index} (from {@link #FIRST_FREE_PAGE}) for a test's own regions. */
    public long page(int index) {
        return scratch().page(index);
    }

    public AgentMemory memory() {
        return firmware.normalWorld().memory();
    }

    /**
     * Leaves the boot as the next test expects it, through calls the model predicts: partitions
     * give back memory they still hold, the normal world reclaims what it sent, and RX buffers
     * are released. Anything that does not go as predicted ends the boot instead.
     *
     * @return why the boot must end, if it must
     */
    public synchronized Optional<String> cleanUp() {
        if (distrust().isPresent()) {
            return distrust();
        }
        for (TransactionRecord transaction : state().memory().transactions().values()) {
            if (!transaction.sender().equals(self())) {
                return Optional.of("clean-up: a transaction the normal world did not send is still open");
            }
            for (Borrower borrower : transaction.borrowers()) {
                if (borrower.holds() && !giveBack(transaction.handle(), borrower)) {
                    return Optional.of("clean-up: " + borrower.id() + " did not relinquish handle 0x"
                            + Long.toHexString(transaction.handle()) + " as predicted");
                }
            }
            long handle = transaction.handle();
            if (!passes(call(Registers.of(FfaFunction.FFA_MEM_RECLAIM.id().register(), handle & 0xFFFF_FFFFL,
                    handle >>> 32, 0)))) {
                return Optional.of("clean-up: reclaim of handle 0x" + Long.toHexString(handle) + " did not go as predicted");
            }
        }
        Optional<String> donated = donatedScratch();
        if (donated.isPresent()) {
            return donated;
        }
        var mailbox = state().endpoint(self()).mailbox();
        if (mailbox.isPresent() && mailbox.get().rxFull() && !passes(call(Registers.of(
                FfaFunction.FFA_RX_RELEASE.id().register())))) {
            return Optional.of("clean-up: FFA_RX_RELEASE did not go as the model predicted");
        }
        return distrust();
    }

    /**
     * A scratch page the normal world owned at boot and gave away with a retrieved FFA_MEM_DONATE
     * (DEN0077A, "Ownership and access attributes"): tests reuse the pages, and only a new boot
     * gives it back.
     */
    private Optional<String> donatedScratch() {
        if (scratch.isEmpty()) {
            return Optional.empty();
        }
        PageOwners now = state().memory().owners();
        PageOwners atBoot = model.freshBoot().memory().owners();
        for (int i = 0; i < scratch.get().scratchPages(); i++) {
            long page = scratch.get().page(i);
            if (!now.owner(page).equals(atBoot.owner(page))) {
                return Optional.of("clean-up: scratch page 0x" + Long.toHexString(page) + " now belongs to "
                        + now.owner(page).map(String::valueOf).orElse("no endpoint") + " after a donation");
            }
        }
        return Optional.empty();
    }

    /** The partition {@code borrower} relinquishes {@code handle} through its agent, as many times as it retrieved it. */
    private boolean giveBack(long handle, Borrower borrower) {
        Optional<Partition> partition = model.topology().partition(borrower.id());
        if (partition.isEmpty()) {
            return false;
        }
        PartitionAgent agent = PartitionAgent.in(this, partition.get());
        byte[] relinquish = RelinquishDescriptor.of(handle, borrower.id()).encode();
        for (int i = 0; i < borrower.retrievals(); i++) {
            if (!passes(agent.call(Registers.of(FfaFunction.FFA_MEM_RELINQUISH.id().register()), relinquish))) {
                return false;
            }
        }
        return true;
    }

    private static boolean passes(FfaCheck check) {
        return check.verdict() == org.fwcts.harness.compare.Verdict.PASS;
    }

    /** Why the model stopped following this boot, if it did. */
    public Optional<String> distrust() {
        return pipeline().lostTrack();
    }

    private FfaSettings scratch() {
        return scratch.orElseThrow(() -> new org.opentest4j.TestAbortedException(
                "the target descriptor gives no ffa.scratchBase: FF-A tests that need memory cannot run"));
    }

}
