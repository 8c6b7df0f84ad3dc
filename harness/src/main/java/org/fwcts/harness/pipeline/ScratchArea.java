package org.fwcts.harness.pipeline;

/**
 * An agent that sets aside part of its own memory for structures a call passes by address (an
 * OP-TEE message argument): tests place them there through {@link CallMemory}, never at an
 * address of their own choosing. The address is the one the agent's calls use (a VM's IPA).
 */
public interface ScratchArea {

    /** The agent's scratch area: its address and size in bytes, page-aligned. */
    CallMemory.Window scratch();
}
