package org.fwcts.harness.agent;

/**
 * A synchronous exception the agent took while running a command, as it reported it.
 *
 * @param esr the syndrome register ESR_ELx
 * @param far the fault address register FAR_ELx (meaningful for aborts only)
 * @param elr the exception link register ELR_ELx
 */
public record ExceptionReport(long esr, long far, long elr) {

    /** ESR_ELx.EC, bits [31:26]: the exception class. */
    public int exceptionClass() {
        return (int) ((esr >>> 26) & 0x3F);
    }

    @Override
    public String toString() {
        return String.format("exception class 0x%02x (ESR 0x%x, FAR 0x%x, ELR 0x%x)", exceptionClass(), esr, far, elr);
    }
}
