package org.fwcts.model.rmm;

import org.fwcts.model.Registers;

/**
 * How a realm agent's command and the REC exit that answers it are written as registers in a
 * call history, so that they go through the same pipeline as any call.
 *
 * <p>The call: x0 the command of the realm agent protocol (firmware-images/realm-agent/PROTOCOL.md:
 * 1 RSI SMC, 4 LOAD64, 5 STORE64) or {@link #CONTINUE}; x1..x15 the command's gprs[1..15] (for
 * CONTINUE, x1 is rec_enter.gprs[0], the value of an emulated read); x16 rec_enter.flags; x17 the
 * REC run granule the host uses.
 *
 * <p>The result: x0 REC_ENTER's status; x1 the exit reason; for HOST_CALL x2..x6 the agent's
 * gprs[1..5] (kind, status, and the exception syndrome for status 2) and x7..x17 its gprs[8..18]
 * (an RSI call's x0..x10, a load's value); for SYNC x2 ESR, x3 FAR, x4 HPFAR, x5 the exit's gprs[0] (the value an
 * emulatable store writes); for RIPAS_CHANGE
 * x2 base, x3 top, x4 RIPAS; for PSCI x2..x5 the exit's gprs[0..3] (the PSCI function and its arguments).
 */
public final class RealmCall {
    public static final int RSI = 1;
    public static final int READ = 2;
    public static final int WRITE = 3;
    public static final int LOAD64 = 4;
    public static final int STORE64 = 5;
    /** Enter without a new command: the first entry, or resuming after an exit that was not a host call. */
    public static final long CONTINUE = 0x100;
    public static final int FLAGS = 16;
    public static final int RUN = 17;

    /** rec_enter.flags bits (DEN0137 1.0, "RmiRecEnterFlags"). */
    public static final long FLAG_EMULATED_MMIO = 1;
    public static final long FLAG_INJECT_SEA = 1 << 1;
    public static final long FLAG_RIPAS_REJECT = 1 << 4;

    /** REC exit reasons (DEN0137 1.0, "RmiRecExitReason"). */
    public static final int EXIT_SYNC = 0;
    public static final int EXIT_PSCI = 3;
    public static final int EXIT_RIPAS_CHANGE = 4;
    public static final int EXIT_HOST_CALL = 5;

    /** The realm agent's host-call immediate, "FW", and gprs[0], "RELM". */
    public static final int AGENT_IMM = 0x4657;
    public static final long AGENT_MAGIC = 0x5245_4C4DL;
    public static final int KIND_BANNER = 1;
    public static final int KIND_RESULT = 2;
    public static final int STATUS_OK = 0;
    public static final int STATUS_UNKNOWN_COMMAND = 1;
    public static final int STATUS_EXCEPTION = 2;
    public static final int STATUS_BAD_ARGUMENT = 3;
    /** The most bytes one READ returns; the result registers carry the first 88 (gprs[8..18]). */
    public static final int READ_MAX = 160;
    public static final int READ_CARRIED = 88;

    private RealmCall() {
    }

    /** The rec_enter.gprs[0..30] the host writes for {@code call}. */
    public static long[] enterGprs(Registers call) {
        long[] gprs = new long[31];
        if (call.x(0) == CONTINUE) {
            gprs[0] = call.x(1);
            return gprs;
        }
        for (int i = 0; i < FLAGS; i++) {
            gprs[i] = call.x(i);
        }
        return gprs;
    }

    /** The command a realm call gives its agent, read back from rec_enter.gprs. */
    public static Registers fromEnterGprs(long[] gprs, long flags, long run) {
        long[] values = new long[Registers.COUNT];
        System.arraycopy(gprs, 0, values, 0, FLAGS);
        values[FLAGS] = flags;
        values[RUN] = run;
        return Registers.of(values);
    }

    /** The result registers of a realm call from the REC exit the host read. */
    public static Registers result(long status, int reason, long esr, long far, long hpfar, long[] gprs,
            long ripasBase, long ripasTop, long ripasValue) {
        long[] x = new long[Registers.COUNT];
        x[0] = status;
        x[1] = reason;
        if (reason == EXIT_HOST_CALL) {
            System.arraycopy(gprs, 1, x, 2, 5);
            System.arraycopy(gprs, 8, x, 7, 11);
        } else if (reason == EXIT_PSCI) {
            System.arraycopy(gprs, 0, x, 2, 4);
        } else if (reason == EXIT_RIPAS_CHANGE) {
            x[2] = ripasBase;
            x[3] = ripasTop;
            x[4] = ripasValue;
        } else {
            x[2] = esr;
            x[3] = far;
            x[4] = hpfar;
            x[5] = gprs[0];
        }
        return Registers.of(x);
    }

    /** The agent's gprs[0..30] at a host call whose result registers are {@code x} (the inverse of {@link #result}). */
    public static long[] hostCallGprs(Registers x) {
        long[] gprs = new long[31];
        gprs[0] = AGENT_MAGIC;
        for (int i = 0; i < 5; i++) {
            gprs[1 + i] = x.x(2 + i);
        }
        for (int i = 0; i < 11; i++) {
            gprs[8 + i] = x.x(7 + i);
        }
        return gprs;
    }
}
