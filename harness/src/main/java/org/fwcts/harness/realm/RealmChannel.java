package org.fwcts.harness.realm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.AgentMemory;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.pipeline.AgentChannel;
import org.fwcts.harness.pipeline.CallMemory;
import org.fwcts.harness.pipeline.Conduit;
import org.fwcts.harness.pipeline.Exchange;
import org.fwcts.harness.pipeline.MemoryRegion;
import org.fwcts.harness.pipeline.NormalWorldAgent;
import org.fwcts.harness.pipeline.Observed;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.rmm.RealmCall;
import org.fwcts.model.rmm.RmiFunction;

/**
 * The realm agent, reached through the normal-world agent: a command goes into the REC run
 * granule's rec_enter.gprs, the host agent issues RMI_REC_ENTER, and the REC exit it reads back
 * is the answer (firmware-images/realm-agent/PROTOCOL.md). It judges nothing; the REC_ENTER is
 * recorded as the exchange that carried the realm's call.
 */
public final class RealmChannel implements AgentChannel {
    /** RmiRecRun (DEN0137 1.0): enter.flags 0x0, enter.gprs 0x200; exit at 0x800. */
    private static final int ENTER_GPRS = 0x200;
    private static final int EXIT_REASON = 0x800;
    private static final int EXIT_SYNDROME = 0x900;
    private static final int EXIT_GPRS = 0xA00;
    private static final int EXIT_RIPAS = 0xD00;
    private static final int EXIT_IMM = 0xE00;
    private static final int GPRS = 31;

    private final EndpointId endpoint;
    private final NormalWorldAgent host;
    private final long rec;
    private final long run;

    /**
     * @param endpoint the realm agent's endpoint in the call history
     * @param rec the REC the agent runs on
     * @param run a normal-world granule for the REC's run structure
     */
    public RealmChannel(EndpointId endpoint, NormalWorldAgent host, long rec, long run) {
        this.endpoint = endpoint;
        this.host = host;
        this.rec = rec;
        this.run = run;
    }

    @Override
    public EndpointId endpoint() {
        return endpoint;
    }

    public long run() {
        return run;
    }

    @Override
    public Observed invoke(Conduit conduit, Registers call, byte[] tx, int rxLength) {
        if (conduit != Conduit.REC_ENTER) {
            throw new IllegalArgumentException("a realm agent's calls are carried by REC_ENTER, not " + conduit);
        }
        AgentMemory memory = host.memory();
        ByteBuffer gprs = ByteBuffer.allocate(8 * GPRS).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : RealmCall.enterGprs(call)) {
            gprs.putLong(value);
        }
        byte[] flags = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(call.x(RealmCall.FLAGS)).array();
        Optional<String> failed = write(memory, run, flags).or(() -> write(memory, run + ENTER_GPRS, gprs.array()));
        if (failed.isPresent()) {
            return Observed.direct(new Observation.Indeterminate(failed.get()), Optional.empty());
        }
        Registers enter = Registers.of(RmiFunction.RMI_REC_ENTER.id(), rec, run);
        Observation entered = host.session().smc(enter);
        if (!(entered instanceof Observation.Completed completed)) {
            return new Observed(entered, Optional.empty(), List.of(), 0);
        }
        long status = completed.registers().x(0);
        List<Exchange> exchanges = List.of(new Exchange(enter, completed.registers()));
        if (status != 0) {
            return new Observed(new Observation.Completed(Registers.of(status)), Optional.empty(), exchanges, 0);
        }
        return exit(memory, exchanges);
    }

    /** Reads the REC exit and translates it into the realm call's results. */
    private Observed exit(AgentMemory memory, List<Exchange> exchanges) {
        List<MemoryRegion> regions = new ArrayList<>();
        int[][] windows = {{EXIT_REASON, 8}, {EXIT_SYNDROME, 24}, {EXIT_GPRS, 8 * GPRS}, {EXIT_RIPAS, 24}, {EXIT_IMM, 8}};
        for (int[] window : windows) {
            AgentMemory.Result read = memory.read(run + window[0], window[1]);
            if (!(read instanceof AgentMemory.Result.Done done)) {
                return new Observed(new Observation.Indeterminate("reading the REC exit at 0x"
                        + Long.toHexString(run + window[0]) + " failed: " + read), Optional.empty(), exchanges, 0);
            }
            regions.add(new MemoryRegion(run + window[0], done.bytes()));
        }
        int reason = (int) le(regions.get(0), 0);
        long[] gprs = new long[GPRS];
        for (int i = 0; i < GPRS; i++) {
            gprs[i] = le(regions.get(2), 8 * i);
        }
        long imm = le(regions.get(4), 0) & 0xFFFF_FFFFL;
        if (reason == RealmCall.EXIT_HOST_CALL && (imm != RealmCall.AGENT_IMM || gprs[0] != RealmCall.AGENT_MAGIC)) {
            return new Observed(new Observation.Indeterminate(String.format("the realm agent broke its protocol: host call"
                    + " imm 0x%x, gprs[0] 0x%x", imm, gprs[0])), Optional.empty(), exchanges, 0, regions);
        }
        Registers result = RealmCall.result(0, reason, le(regions.get(1), 0), le(regions.get(1), 8), le(regions.get(1), 16),
                gprs, le(regions.get(3), 0), le(regions.get(3), 8), le(regions.get(3), 16) & 0xFF);
        return new Observed(new Observation.Completed(result), Optional.empty(), exchanges, 0, regions);
    }

    private static Optional<String> write(AgentMemory memory, long address, byte[] bytes) {
        AgentMemory.Result written = memory.write(address, bytes);
        return written instanceof AgentMemory.Result.Done ? Optional.empty()
                : Optional.of("writing the REC run structure at 0x" + Long.toHexString(address) + " failed: " + written);
    }

    private static long le(MemoryRegion region, int offset) {
        return ByteBuffer.wrap(region.bytes()).order(ByteOrder.LITTLE_ENDIAN).getLong(offset);
    }

    /** Writes the host's regions (memory it shares with the realm) through the normal-world agent, then makes the call. */
    @Override
    public Observed invoke(Conduit conduit, Registers call, byte[] tx, int rxLength, CallMemory memory) {
        for (MemoryRegion region : memory.writes()) {
            Optional<String> failed = write(host.memory(), region.address(), region.bytes());
            if (failed.isPresent()) {
                return Observed.direct(new Observation.Indeterminate(failed.get()), Optional.empty());
            }
        }
        return invoke(conduit, call, tx, rxLength);
    }
}
