package org.fwcts.harness.simulated;

/** A synchronous exception the simulated agent takes while running a command, reported as {@code fault}. */
final class SimulatedFault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** ESR_EL2 for a data abort at the current EL: translation fault, level 0 (nothing mapped). */
    static final long DATA_ABORT_UNMAPPED = 0x9600_0004L;
    /** ESR_EL2 for a data abort: permission fault, level 3; bit 6 (WnR) set for a write. */
    static final long DATA_ABORT_PERMISSION = 0x9600_000FL;
    static final long WRITE_NOT_READ = 1L << 6;
    /** ESR_EL2 for an instruction abort at the current EL: permission fault, level 3. */
    static final long INSTRUCTION_ABORT_PERMISSION = 0x8600_000FL;
    /** ESR_EL2 for an unknown (undefined) instruction. */
    static final long UNDEFINED_INSTRUCTION = 0x0200_0000L;

    private final long esr;
    private final long far;
    private final long elr;

    SimulatedFault(long esr, long far, long elr) {
        super(null, null, false, false);
        this.esr = esr;
        this.far = far;
        this.elr = elr;
    }

    long esr() {
        return esr;
    }

    long far() {
        return far;
    }

    long elr() {
        return elr;
    }
}
