package org.fwcts.testcases.support;

import java.util.Optional;
import org.fwcts.harness.agent.AgentMemory;
import org.fwcts.harness.agent.Observation;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.ffa.spmc.FfaSystem;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.firmware.SpmcModel;
import org.fwcts.model.ffa.memory.Borrower;
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
    private final AgentMemory memory;
    private final Optional<FfaSettings> scratch;
    private final EndpointAvailability endpoints;
    private final int boot;
    private String distrust;

    FfaFirmware(Firmware firmware, FfaSystem system, Optional<FfaSettings> scratch, EndpointAvailability endpoints,
            int boot) {
        this.firmware = firmware;
        this.model = new SpmcModel(system.spmc(), system.topology());
        this.memory = new AgentMemory(firmware.agent());
        this.scratch = scratch;
        this.endpoints = endpoints;
        this.boot = boot;
    }

    /** Which endpoints still answer across the run's boots. */
    public EndpointAvailability endpoints() {
        return endpoints;
    }

    /** The number of the boot this view is on (1 for the run's first). */
    public int boot() {
        return boot;
    }

    public EndpointId self() {
        return model.topology().primaryNormalWorld();
    }

    public SpmcModel model() {
        return model;
    }

    public synchronized FfaState state() {
        return firmware.state().ffa().orElseGet(model::freshBoot);
    }

    /** Makes a call that reads nothing from the TX buffer. */
    public FfaCheck call(Registers registers) {
        return call(registers, new byte[0]);
    }

    /** Writes {@code tx} to the TX buffer, then makes the call. */
    public synchronized FfaCheck call(Registers registers, byte[] tx) {
        ensureTrusted();
        FfaCall call = new FfaCall(self(), registers, tx);
        FfaOutcome outcome = model.step(state(), call);
        if (outcome instanceof FfaOutcome.Unmodelled unmodelled) {
            // The profile leaves this input's outcome open (the implementation does not check it,
            // say): the call is not made and the test is skipped, with the reason in the report.
            throw new org.opentest4j.TestAbortedException("no prediction under profile " + model.profile().name()
                    + ": " + unmodelled.reason());
        }
        if (outcome instanceof FfaOutcome.Forwarded forwarded) {
            throw new UnmodelledCallException("the call passes control to " + forwarded.receiver()
                    + "; use the partition agent to make calls that reach a partition");
        }
        FfaOutcome.Predicted predicted = (FfaOutcome.Predicted) outcome;
        if (tx.length > 0) {
            requireDone(memory.write(txAddress(), tx), "writing the TX buffer");
        }
        firmware.recordCall();
        Observation observation = firmware.agent().smc(registers);
        if (!(observation instanceof Observation.Completed completed)) {
            distrust = "the call " + call + " gave no result: " + observation;
            return new FfaCheck(call, predicted, observation, Optional.empty(), Optional.empty());
        }
        Optional<byte[]> rx = readRx(predicted, completed.registers());
        FfaOutcome.Match match = predicted.match(completed.registers(), rx);
        if (match instanceof FfaOutcome.Match.Consistent consistent) {
            firmware.advance(firmware.state().withFfa(consistent.next()));
        } else {
            distrust = "the target contradicted the model at " + call;
        }
        FfaCheck check = new FfaCheck(call, predicted, observation, rx, Optional.of(match));
        firmware.record(check.registers());
        return check;
    }

    /** The RX bytes an allowed outcome with RX contents says were written, read back from the agent. */
    private Optional<byte[]> readRx(FfaOutcome.Predicted predicted, Registers observed) {
        int length = 0;
        for (FfaPrediction alternative : predicted.alternatives()) {
            if (alternative.rx().isPresent()) {
                length = Math.max(length, alternative.rx().get().encode().length);
            }
        }
        if (length == 0 || scratch.isEmpty()) {
            return Optional.empty();
        }
        AgentMemory.Result read = memory.read(rxAddress(), length);
        return read instanceof AgentMemory.Result.Done done ? Optional.of(done.bytes()) : Optional.empty();
    }

    /** Agrees v1.2 and maps the scratch buffers, each checked; does nothing already done. */
    public void ready() {
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
        return memory;
    }

    /**
     * Leaves the boot as the next test expects it, through calls the model predicts: partitions
     * give back memory they still hold, the normal world reclaims what it sent, and RX buffers
     * are released. Anything that does not go as predicted ends the boot instead.
     *
     * @return why the boot must end, if it must
     */
    public synchronized Optional<String> cleanUp() {
        if (distrust != null) {
            return Optional.of(distrust);
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
        var mailbox = state().endpoint(self()).mailbox();
        if (mailbox.isPresent() && mailbox.get().rxFull() && !passes(call(Registers.of(
                FfaFunction.FFA_RX_RELEASE.id().register())))) {
            return Optional.of("clean-up: FFA_RX_RELEASE did not go as the model predicted");
        }
        return Optional.ofNullable(distrust);
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

    /** Issues {@code registers} with SMC from the normal-world agent, counting it for the boot. */
    Observation issue(Registers registers) {
        ensureTrusted();
        firmware.recordCall();
        return firmware.agent().smc(registers);
    }

    /** Adds a check made outside {@link #call} (a partition's call) to the test's trace. */
    void record(FfaCheck check) {
        firmware.record(check.registers());
    }

    /** Continues the model from {@code next}, for callers that step it themselves. */
    synchronized void advance(FfaState next) {
        firmware.advance(firmware.state().withFfa(next));
    }

    /** Records that the model no longer follows this boot; the boot ends after the test. */
    synchronized void distrust(String why) {
        if (distrust == null) {
            distrust = why;
        }
    }

    synchronized void ensureTrusted() {
        if (distrust != null) {
            throw new IllegalStateException("the model no longer follows this boot: " + distrust);
        }
    }

    /** Why the model stopped following this boot, if it did. */
    public synchronized Optional<String> distrust() {
        return Optional.ofNullable(distrust);
    }

    private FfaSettings scratch() {
        return scratch.orElseThrow(() -> new org.opentest4j.TestAbortedException(
                "the target descriptor gives no ffa.scratchBase: FF-A tests that need memory cannot run"));
    }

    private static void requireDone(AgentMemory.Result result, String what) {
        if (!(result instanceof AgentMemory.Result.Done)) {
            throw new TargetUnresponsiveException(what + " failed: " + result);
        }
    }
}
