package org.fwcts.testcases.support;

import java.util.Optional;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.harness.agent.AgentMemory;
import org.fwcts.harness.pipeline.CallMemory;
import org.fwcts.harness.pipeline.Conduit;
import org.fwcts.harness.pipeline.MemoryRegion;
import org.fwcts.model.Registers;
import org.fwcts.model.rmm.RmiFunction;
import org.fwcts.model.rmm.RmmModel;
import org.fwcts.model.rmm.RmmState;
import org.fwcts.targets.descriptor.FfaSettings;
import org.opentest4j.TestAbortedException;

/**
 * The RMM as the normal-world host sees it: RMI commands through the run's pipeline (predicted,
 * made by the agent with SMC, recorded, judged), with the parameter granules they read written
 * as the call's memory. Granules come from the target's scratch pages.
 */
public final class RmmHost {
    /** Scratch pages 0 and 1 stay the FF-A mailbox's; RMM tests use pages from here. */
    public static final int FIRST_PAGE = 2;
    private static final long PAGE = 4096;
    /** RmiAddrType SINGLE: the 2.0 data commands' output address is one range. */
    private static final long SINGLE_ADDRESS = 1;

    private final Firmware firmware;
    private final Optional<FfaSettings> scratch;
    private final RealmImage image;

    RmmHost(Firmware firmware, Optional<FfaSettings> scratch, RealmImage image) {
        this.firmware = firmware;
        this.scratch = scratch;
        this.image = image;
    }

    /** Under an ABI with an activation gate, activates the RMM once per boot (a judged call). */
    RmmHost activated() {
        if (model().profile().activationGate() && !state().active()) {
            CallAssert.assertThatCall(call(RmiFunction.RMI_RMM_ACTIVATE)).matchesModel();
        }
        return this;
    }

    /** Makes {@code function} with {@code arguments} in x1..; a call the model cannot predict skips the test. */
    public CallCheck call(RmiFunction function, long... arguments) {
        return call(CallMemory.NONE, function, arguments);
    }

    /** Writes {@code memory}'s regions, then makes the call. */
    public CallCheck call(CallMemory memory, RmiFunction function, long... arguments) {
        long[] x = new long[arguments.length + 1];
        x[0] = function.id();
        System.arraycopy(arguments, 0, x, 1, arguments.length);
        return raw(Registers.of(x), memory);
    }

    /** Makes a call with these exact registers (an unknown function ID, say). */
    public CallCheck raw(Registers registers, CallMemory memory) {
        return TestVerdicts.usable(firmware.pipeline().call(firmware.normalWorld(), Conduit.SMC, registers, new byte[0],
                memory)).check().orElseThrow();
    }

    /** DATA_CREATE under RMI 1.0, RTT_DATA_MAP_INIT (the same arguments) under 2.0, with {@code memory} written first. */
    public CallCheck dataCreate(CallMemory memory, long rd, long data, long ipa, long source, long flags) {
        RmiFunction create = rmi2() ? RmiFunction.RMI_RTT_DATA_MAP_INIT : RmiFunction.RMI_DATA_CREATE;
        return call(memory, create, rd, data, ipa, source, flags);
    }

    /** DATA_CREATE_UNKNOWN under RMI 1.0; under 2.0 RTT_DATA_MAP of the granule at {@code ipa} from the single address {@code data}. */
    public CallCheck dataCreateUnknown(long rd, long data, long ipa) {
        return rmi2() ? call(RmiFunction.RMI_RTT_DATA_MAP, rd, ipa, ipa + PAGE, SINGLE_ADDRESS, data)
                : call(RmiFunction.RMI_DATA_CREATE_UNKNOWN, rd, data, ipa);
    }

    /** DATA_DESTROY under RMI 1.0; under 2.0 RTT_DATA_UNMAP of the granule at {@code ipa} into a single range. */
    public CallCheck dataDestroy(long rd, long ipa) {
        return rmi2() ? call(RmiFunction.RMI_RTT_DATA_UNMAP, rd, ipa, ipa + PAGE, SINGLE_ADDRESS, 0)
                : call(RmiFunction.RMI_DATA_DESTROY, rd, ipa);
    }

    private boolean rmi2() {
        return model().profile().rmiVersion().major() >= 2;
    }

    /** Writes {@code bytes} at {@code address} as part of the next call's memory. */
    public static CallMemory writing(long address, byte[] bytes) {
        return CallMemory.writing(new MemoryRegion(address, bytes));
    }

    /** Scratch page {@code index} (from {@link #FIRST_PAGE}); skips the test when the descriptor names no scratch memory. */
    public long page(int index) {
        FfaSettings pages = scratch.orElseThrow(() -> new TestAbortedException(
                "the target descriptor gives no ffa.scratchBase: RMM tests need scratch granules"));
        if (index >= pages.scratchPages()) {
            throw new TestAbortedException("the target has " + pages.scratchPages() + " scratch pages; the test needs page "
                    + index);
        }
        return pages.page(index);
    }

    public RmmModel model() {
        return firmware.model().rmm().orElseThrow();
    }

    /** The model's RMM state, as of the last call it could follow. */
    public RmmState state() {
        return firmware.state().rmm().orElseGet(model()::freshBoot);
    }

    /** Whether the normal-world agent can read 8 bytes at {@code address} (false when the access faults). */
    public boolean normalWorldReads(long address) {
        return firmware.normalWorld().memory().read(address, 8) instanceof AgentMemory.Result.Done;
    }

    /** Whether the RMM is a simulation, which writes no attestation token or other realm memory. */
    public boolean simulated() {
        return image.simulated();
    }

    byte[] realmImage() {
        return image.bytes();
    }

    Firmware firmware() {
        return firmware;
    }
}
