package org.fwcts.harness.faults;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Decides, line by line and reproducibly from a seed, which fault (if any) to inject, and counts
 * what it injected.
 *
 * <p>Each line is faulted with probability {@code rate}. After a damaging fault the next
 * {@link #CLEAN_AFTER_DAMAGE} lines pass untouched, so damage never hits every attempt the
 * protocol makes for one request: the schedule tests recovery, not the retransmission budget.
 */
public final class FaultSchedule {
    /** Lines left alone after a damaging fault. */
    static final int CLEAN_AFTER_DAMAGE = 2;
    private static final FaultKind[] FROM_TARGET = {FaultKind.DROP_REPLY, FaultKind.CORRUPT_REPLY,
        FaultKind.DUPLICATE_REPLY, FaultKind.DELAY_REPLY, FaultKind.NOISE};
    private static final FaultKind[] TO_TARGET = {FaultKind.DROP_REQUEST, FaultKind.CORRUPT_REQUEST};

    private final double rate;
    private final long seed;
    private final Random random;
    private final Map<FaultKind, Integer> injected = new EnumMap<>(FaultKind.class);
    private int cleanLinesOwed;

    public FaultSchedule(double rate, long seed) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("fault rate must be between 0 and 1, got " + rate);
        }
        this.rate = rate;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The fault for the next line from the target, if any. */
    synchronized Optional<FaultKind> nextFromTarget() {
        return next(FROM_TARGET);
    }

    /** The fault for the next line to the target, if any. */
    synchronized Optional<FaultKind> nextToTarget() {
        return next(TO_TARGET);
    }

    /** A number in [0, bound) from the schedule's own random sequence. */
    synchronized int pick(int bound) {
        return random.nextInt(bound);
    }

    /** How many faults of each kind were injected so far (kinds never injected are 0). */
    public synchronized Map<FaultKind, Integer> injected() {
        Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            counts.put(kind, injected.getOrDefault(kind, 0));
        }
        return counts;
    }

    /** The rate and seed, for reports: enough to replay the schedule. */
    public String describe() {
        return "rate " + rate + ", seed " + seed;
    }

    private Optional<FaultKind> next(FaultKind[] kinds) {
        boolean fault = random.nextDouble() < rate;
        FaultKind kind = kinds[random.nextInt(kinds.length)];
        if (cleanLinesOwed > 0) {
            cleanLinesOwed--;
            return Optional.empty();
        }
        if (!fault) {
            return Optional.empty();
        }
        if (kind.damaging()) {
            cleanLinesOwed = CLEAN_AFTER_DAMAGE;
        }
        injected.merge(kind, 1, Integer::sum);
        return Optional.of(kind);
    }
}
