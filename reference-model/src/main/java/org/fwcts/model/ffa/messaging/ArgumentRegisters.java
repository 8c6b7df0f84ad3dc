package org.fwcts.model.ffa.messaging;

import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;

/** Reads the argument registers messaging calls share: the w1 endpoint pair and reserved ranges. */
public final class ArgumentRegisters {
    /** w2 bit 31 of a direct message: a framework message (DEN0077A, "Direct messaging"). */
    public static final long FRAMEWORK_BIT = 1L << 31;
    /** SMCCC v1.2 extends arguments to x17; x8–x17 are the "extended" registers. */
    public static final int FIRST_EXTENDED = 8;
    public static final int LAST_EXTENDED = 17;

    private ArgumentRegisters() {
    }

    /** w1[31:16]: the sender, or FFA_RUN's target partition. */
    public static EndpointId high(FfaCall call) {
        return EndpointId.high16(call.w(1));
    }

    /** w1[15:0]: the receiver, or FFA_RUN's vCPU. */
    public static EndpointId low(FfaCall call) {
        return EndpointId.low16(call.w(1));
    }

    /** Register {@code index} as the call's width reads it: x for SMC64, zero-extended w for SMC32. */
    public static long argument(FfaCall call, int index) {
        return call.functionId().isSmc64() ? call.x(index) : call.w(index) & 0xFFFF_FFFFL;
    }

    /** True when any of registers {@code from}..{@code to} (as the call's width reads them) is non-zero. */
    public static boolean anyNonZero(FfaCall call, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (argument(call, i) != 0) {
                return true;
            }
        }
        return false;
    }

    /** "0x8001": an endpoint ID for summaries, without {@code String.format} on the success path. */
    public static String text(EndpointId id) {
        return "0x" + Integer.toHexString(id.value());
    }

    /** True when any of x8–x17 is non-zero. */
    public static boolean extendedNonZero(FfaCall call) {
        for (int i = FIRST_EXTENDED; i <= LAST_EXTENDED; i++) {
            if (call.x(i) != 0) {
                return true;
            }
        }
        return false;
    }
}
