package org.fwcts.harness.faults;

/** One kind of damage a {@link FaultInjectingConsole} does to the traffic between harness and agent. */
public enum FaultKind {
    /** A line from the target never arrives. */
    DROP_REPLY,
    /** One byte of a line from the target is changed. */
    CORRUPT_REPLY,
    /** A line from the target arrives twice. */
    DUPLICATE_REPLY,
    /** A line from the target arrives late (well within the command deadline). */
    DELAY_REPLY,
    /** A firmware log line or line noise arrives between the agent's lines. */
    NOISE,
    /** A request never reaches the target. */
    DROP_REQUEST,
    /** One byte of a request is changed on its way to the target. */
    CORRUPT_REQUEST;

    /** True for faults that lose or spoil a line, so the protocol must retransmit. */
    boolean damaging() {
        return this == DROP_REPLY || this == CORRUPT_REPLY || this == DROP_REQUEST || this == CORRUPT_REQUEST;
    }
}
