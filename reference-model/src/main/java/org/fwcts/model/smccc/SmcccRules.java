package org.fwcts.model.smccc;

import org.fwcts.model.Rule;

/** Rules of the SMC Calling Convention that predictions cite. */
public final class SmcccRules {
    private static final String DOC = "DEN0028 v1.6 (SMCCC)";

    public static final Rule UNKNOWN_FUNCTION = new Rule("SMCCC.UNKNOWN_FID", DOC, "Unknown Function Identifier",
            "A call to a function identifier the implementation does not provide returns NOT_SUPPORTED (-1) in w0/x0.");
    public static final Rule FUNCTION_ID_IN_W0 = new Rule("SMCCC.FID_W0", DOC, "2.5 Function Identifiers",
            "The function identifier is the 32-bit value in w0; the upper 32 bits of x0 do not select the function.");
    public static final Rule RESERVED_BITS = new Rule("SMCCC.FID_MBZ", DOC, "2.5 Function Identifiers",
            "Bits [23:17] of a function identifier (and bit 16 before SMCCC v1.3) must be zero; an identifier with"
                    + " them set names no function and is answered as unknown.");
    public static final Rule SVE_HINT = new Rule("SMCCC.SVE_HINT", DOC, "SVE live state hint",
            "From SMCCC v1.3, bit 16 of a function identifier is a hint that the callee ignores when it decodes the call.");
    public static final Rule SMC32_RESULTS = new Rule("SMCCC.SMC32_RESULTS", DOC, "SMC32/HVC32 argument passing",
            "SMC32/HVC32 results are 32-bit values in w0–w3; the upper halves of x0–x3 are not part of the result.");
    public static final Rule UNUSED_RESULTS = new Rule("SMCCC.UNUSED_RESULTS", DOC, "Result registers",
            "Result registers that a function does not define hold unspecified values.");
    public static final Rule PRESERVE_X4_X17 = new Rule("SMCCC.PRESERVE_X4_X17", DOC, "Register use in AArch64 SMC and HVC calls",
            "From SMCCC v1.1, the callee preserves x4–x17 unless the function returns results in them.");
    public static final Rule V10_X4_X17 = new Rule("SMCCC.V1_0_X4_X17", DOC, "Register use in AArch64 SMC and HVC calls",
            "Under SMCCC v1.0, x4–x17 may be corrupted by the callee.");
    public static final Rule VERSION = new Rule("SMCCC.VERSION", DOC, "SMCCC_VERSION",
            "SMCCC_VERSION returns the implemented convention as major<<16 | minor; an SMCCC v1.0 implementation"
                    + " does not provide it and returns NOT_SUPPORTED.");
    /**
     * Whatever the function, a prediction of result registers is a prediction that the call returns:
     * functions that may not return to the caller (PSCI CPU_OFF, SYSTEM_OFF, SYSTEM_RESET, a power-down
     * CPU_SUSPEND) are never predicted with results when they succeed.
     */
    public static final Rule CALL_RETURNS = new Rule("SMCCC.CALL_RETURNS", DOC, "Fast Calls; Yielding Calls",
            "A Fast Call runs atomically and returns to the caller when its operation is complete; a Yielding Call"
                    + " may return before, when preempted. Either way control comes back to the instruction after the"
                    + " SMC or HVC with the results in the result registers, unless the function is defined not to"
                    + " return (such as a PSCI power-down request that succeeds).");
    public static final Rule ARCH_FEATURES = new Rule("SMCCC.ARCH_FEATURES", DOC, "SMCCC_ARCH_FEATURES",
            "SMCCC_ARCH_FEATURES returns 0 or a positive feature value for an implemented Arm Architecture Call and"
                    + " NOT_SUPPORTED (-1) otherwise; for SMCCC_ARCH_WORKAROUND_2 it may also return NOT_REQUIRED (-2),"
                    + " when no PE needs the dynamic mitigation. It exists from SMCCC v1.1.");

    /** SMCCC return code NOT_SUPPORTED (DEN0028, "Return codes"). */
    public static final int NOT_SUPPORTED = -1;
    /** SMCCC return code NOT_REQUIRED, e.g. SMCCC_ARCH_FEATURES(SMCCC_ARCH_WORKAROUND_2) (DEN0028, "Return codes"). */
    public static final int NOT_REQUIRED = -2;

    private SmcccRules() {
    }
}
