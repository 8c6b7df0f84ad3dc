package org.fwcts.harness.agent;

import java.util.concurrent.atomic.LongAdder;

/**
 * How long this process has waited on targets: agent round trips and boots (launch to the
 * agent's handshake). What a run takes beyond it is the harness's own cost, which the suite
 * benchmark reports per test.
 *
 * <p>Only the outermost wait of a thread counts, so the handshake inside a boot is not counted
 * twice. Cheap enough for every call: two clock reads and an add.
 */
public final class TargetWait {
    private static final LongAdder WAITING = new LongAdder();
    private static final LongAdder BOOTING = new LongAdder();
    private static final LongAdder ROUND_TRIPS = new LongAdder();
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private TargetWait() {
    }

    /** Starts a wait; pass the result to {@link #end} or {@link #endBoot}. */
    public static long begin() {
        DEPTH.get()[0]++;
        return System.nanoTime();
    }

    /** Ends a wait on an agent's reply begun at {@code start}. */
    public static void end(long start) {
        long took = System.nanoTime() - start;
        ROUND_TRIPS.increment();
        if (--DEPTH.get()[0] == 0) {
            WAITING.add(took);
        }
    }

    /** Ends a boot begun at {@code start}: counted as waiting, and as booting. */
    public static void endBoot(long start) {
        long took = System.nanoTime() - start;
        BOOTING.add(took);
        if (--DEPTH.get()[0] == 0) {
            WAITING.add(took);
        }
    }

    /** Nanoseconds waited on targets (round trips and boots) since the process started. */
    public static long waitedNanos() {
        return WAITING.sum();
    }

    /** Agent requests made (each with its retransmissions). */
    public static long roundTrips() {
        return ROUND_TRIPS.sum();
    }

    /** Nanoseconds of those spent booting. */
    public static long bootedNanos() {
        return BOOTING.sum();
    }
}
