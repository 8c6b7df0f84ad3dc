package org.fwcts.harness.pipeline;

import java.util.List;
import java.util.Optional;
import org.fwcts.harness.agent.Observation;

/**
 * What an agent saw of one call, before anything is judged.
 *
 * @param observation the result registers, the fault, or why the outcome is unknown
 * @param rx the caller's RX buffer after the call, when the harness read it
 * @param exchanges the direct requests that carried a partition's call or command; empty for SMC/HVC
 * @param carrier the index in {@code exchanges} during which the partition made its call; -1 for a command;
 *     {@link #NOT_ISSUED} for a call that was not made
 * @param memoryOut normal-world memory read back after the call (a REC exit), in the order asked
 */
public record Observed(Observation observation, Optional<byte[]> rx, List<Exchange> exchanges, int carrier,
        List<MemoryRegion> memoryOut) {

    /** The carrier of a call that was not made: no exchange carried it. */
    public static final int NOT_ISSUED = -2;

    public Observed {
        exchanges = List.copyOf(exchanges);
        memoryOut = List.copyOf(memoryOut);
    }

    public Observed(Observation observation, Optional<byte[]> rx, List<Exchange> exchanges, int carrier) {
        this(observation, rx, exchanges, carrier, List.of());
    }

    /** The same observation with {@code regions} read back after the call. */
    public Observed withMemoryOut(List<MemoryRegion> regions) {
        return new Observed(observation, rx, exchanges, carrier, regions);
    }

    /** A call made with the agent's own instruction. */
    public static Observed direct(Observation observation, Optional<byte[]> rx) {
        return new Observed(observation, rx, List.of(), -1);
    }

    /** A call that was not made, because the model has no prediction for it. */
    public static Observed notIssued(String why) {
        return new Observed(new Observation.Indeterminate("not issued: " + why), Optional.empty(), List.of(), NOT_ISSUED);
    }

    /** Whether the agent made the call (a call the model cannot predict is not made). */
    public boolean issued() {
        return carrier != NOT_ISSUED;
    }
}
