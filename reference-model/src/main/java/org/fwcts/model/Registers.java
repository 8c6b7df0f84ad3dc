package org.fwcts.model;

import java.util.Arrays;

/**
 * The eighteen general-purpose registers x0–x17 that carry an SMCCC v1.2 call and its results.
 *
 * <p>Immutable: {@link #with} returns a copy. Registers are unsigned 64-bit values held in
 * {@code long}.
 */
public final class Registers {
    /** SMCCC v1.2 passes arguments and results in x0–x17. */
    public static final int COUNT = 18;

    private static final Registers ZERO = new Registers(new long[COUNT]);

    private final long[] values;

    private Registers(long[] values) {
        this.values = values;
    }

    /** Registers x0, x1, … set to the given values; the rest are zero. */
    public static Registers of(long... leading) {
        if (leading.length > COUNT) {
            throw new IllegalArgumentException("at most " + COUNT + " registers, got " + leading.length);
        }
        return new Registers(Arrays.copyOf(leading, COUNT));
    }

    public static Registers zero() {
        return ZERO;
    }

    public long x(int index) {
        return values[index];
    }

    /** The low 32 bits of register {@code index}, as SMC32 calls see it (Wn). */
    public int w(int index) {
        return (int) values[index];
    }

    public Registers with(int index, long value) {
        long[] copy = values.clone();
        copy[index] = value;
        return new Registers(copy);
    }

    /** A copy of all eighteen values. */
    public long[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Registers that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < COUNT; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append('x').append(i).append('=').append(Long.toHexString(values[i]));
        }
        return text.append(']').toString();
    }
}
