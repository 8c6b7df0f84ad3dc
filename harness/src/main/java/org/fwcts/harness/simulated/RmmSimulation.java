package org.fwcts.harness.simulated;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.HostMemory;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.prediction.Prediction;
import org.fwcts.model.rmm.GranuleState;
import org.fwcts.model.rmm.RealmCall;
import org.fwcts.model.rmm.RmiFunction;
import org.fwcts.model.rmm.RmmModel;
import org.fwcts.model.rmm.RmmOutcome;
import org.fwcts.model.rmm.RmmState;

/**
 * The simulated RMM: RMI calls from the simulated normal world answered by the RMM model as a
 * conforming implementation would, then rewritten by the RMM deviations. REC_ENTER runs the
 * realm agent as the model says it behaves and writes the REC exit into the run granule, so the
 * host drives the realm exactly as on a real target.
 */
final class RmmSimulation {
    /** RmiRecRun (DEN0137 1.0): enter.flags 0x0, enter.gprs 0x200; exit reason 0x800, esr 0x900, far 0x908,
     * hpfar 0x910, gprs 0xA00, ripas_base 0xD00, ripas_top 0xD08, ripas_value 0xD10, imm 0xE00. */
    static final int ENTER_GPRS = 0x200;
    static final int EXIT = 0x800;
    static final int EXIT_SIZE = 0x608;

    private final RmmModel model;
    private final List<RmmDeviation> deviations;
    private final SimulatedMemory memory;

    RmmSimulation(RmmModel model, List<Deviation> deviations, SimulatedMemory memory) {
        this.model = model;
        this.deviations = deviations.stream().filter(RmmDeviation.class::isInstance).map(RmmDeviation.class::cast).toList();
        this.memory = memory;
    }

    /** What the host memory holds, for the model: every address the simulation has. */
    HostMemory hostMemory() {
        return (address, length) -> memory.contains(address, length) ? Optional.of(memory.read(address, length))
                : Optional.empty();
    }

    /** Answers one RMI call; returns the registers and leaves the next state in {@code holder[0]}. */
    Registers call(ModelState[] holder, Registers call) {
        RmmState before = holder[0].rmm().orElseGet(model::freshBoot);
        boolean enter = call.x(0) == RmiFunction.RMI_REC_ENTER.id();
        RmmOutcome outcome = enter ? enter(before, call.x(1), call.x(2)) : model.rmi(before, call, hostMemory());
        if (outcome instanceof RmmOutcome.Unmodelled) {
            return Registers.of(-1L);
        }
        RmmOutcome.Answered answered = (RmmOutcome.Answered) outcome;
        RmmDeviation.RmmAnswer answer = new RmmDeviation.RmmAnswer(conforming(answered.prediction(), call), answered.next());
        for (RmmDeviation deviation : deviations) {
            answer = deviation.apply(call, before, answer);
        }
        holder[0] = holder[0].withRmm(answer.next());
        if (!enter || answer.registers().x(0) != 0) {
            return enter ? Registers.of(answer.registers().x(0)) : answer.registers();
        }
        writeExit(call.x(2), answer.registers());
        return Registers.of(0);
    }

    private static Registers conforming(Prediction prediction, Registers call) {
        Registers registers = ConformingAnswer.registers(prediction, call);
        // Registers the RMM leaves unspecified read as zero rather than echoing the call.
        long[] values = registers.toArray();
        for (int i = 0; i < values.length; i++) {
            if (!(prediction.registers().get(i) instanceof org.fwcts.model.prediction.RegisterPrediction.Exact)) {
                values[i] = 0;
            }
        }
        return Registers.of(values);
    }

    /** REC_ENTER with the flags and gprs the host wrote into the run granule's enter part. */
    private RmmOutcome enter(RmmState before, long rec, long run) {
        long[] gprs = new long[31];
        long flags = 0;
        if (memory.contains(run, EXIT)) {
            ByteBuffer enter = ByteBuffer.wrap(memory.read(run, EXIT)).order(ByteOrder.LITTLE_ENDIAN);
            flags = enter.getLong(0);
            for (int i = 0; i < gprs.length; i++) {
                gprs[i] = enter.getLong(ENTER_GPRS + 8 * i);
            }
        }
        return model.recEnter(before, rec, run, flags, gprs, hostMemory());
    }

    /** Writes the REC exit of {@code exit} (in RealmCall's encoding) into the run granule. */
    private void writeExit(long run, Registers exit) {
        ByteBuffer b = ByteBuffer.allocate(EXIT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        int reason = (int) exit.x(1);
        b.putLong(0, reason);
        if (reason == RealmCall.EXIT_HOST_CALL) {
            long[] gprs = RealmCall.hostCallGprs(exit);
            for (int i = 0; i < gprs.length; i++) {
                b.putLong(0x200 + 8 * i, gprs[i]);
            }
            b.putInt(0x600, RealmCall.AGENT_IMM);
        } else if (reason == RealmCall.EXIT_PSCI) {
            for (int i = 0; i < 4; i++) {
                b.putLong(0x200 + 8 * i, exit.x(2 + i));
            }
        } else if (reason == RealmCall.EXIT_RIPAS_CHANGE) {
            b.putLong(0x500, exit.x(2)).putLong(0x508, exit.x(3)).put(0x510, (byte) exit.x(4));
        } else {
            b.putLong(0x100, exit.x(2)).putLong(0x108, exit.x(3)).putLong(0x110, exit.x(4)).putLong(0x200, exit.x(5));
        }
        memory.write(run + EXIT, b.array());
    }

    /** Whether the normal world may touch {@code address}: not while the RMM has the granule, unless a deviation says so. */
    boolean normalWorldMay(ModelState state, long address) {
        if (deviations.stream().anyMatch(RmmDeviation::leavesDelegatedAccessible)) {
            return true;
        }
        RmmState rmm = state.rmm().orElse(null);
        return rmm == null || rmm.granule(address & ~0xFFFL) == GranuleState.UNDELEGATED;
    }
}
