package org.fwcts.model.ffa;

import org.fwcts.model.Rule;

/**
 * Rules of the FF-A core that predictions cite: presence, version, status reporting and the
 * register conventions. Each area (discovery, RX/TX, messaging, memory, notifications) keeps
 * its own rules next to its handlers.
 */
public final class FfaRules {
    /** FF-A v1.0 and v1.1 are DEN0077A; the memory chapter moved to DEN0140 from v1.2. */
    public static final String DOC = "DEN0077A (FF-A)";

    public static final Rule ABSENT = new Rule("FFA.ABSENT", DOC, "FFA_VERSION",
            "Where no FF-A component answers the conduit, FFA_VERSION and every other FF-A function identifier are"
                    + " unknown functions and return NOT_SUPPORTED (-1); a caller takes this as \"FF-A is absent\".");
    public static final Rule VERSION = new Rule("FFA.VERSION", DOC, "FFA_VERSION",
            "FFA_VERSION returns the callee's FF-A version as major<<16 | minor, bit 31 clear.");
    public static final Rule VERSION_MBZ = new Rule("FFA.VERSION.MBZ", DOC, "FFA_VERSION",
            "Bit 31 of the caller's version must be zero; a request with it set is answered NOT_SUPPORTED in w0.");
    public static final Rule VERSION_INCOMPATIBLE = new Rule("FFA.VERSION.INCOMPATIBLE", DOC, "FFA_VERSION",
            "A caller version is compatible when its major equals the callee's and its minor is not greater;"
                    + " an implementation may refuse an incompatible request with NOT_SUPPORTED.");
    public static final Rule VERSION_LOCK = new Rule("FFA.VERSION.LOCK", DOC, "FFA_VERSION",
            "Version negotiation ends at the caller's first FF-A call other than FFA_VERSION; after that the"
                    + " negotiated version stands.");
    public static final Rule VERSION_REQUIRED = new Rule("FFA.VERSION.REQUIRED", DOC, "FFA_VERSION",
            "A caller must negotiate a version with FFA_VERSION before other FF-A calls; an implementation may"
                    + " refuse every other call from a caller that did not.");
    public static final Rule ERROR_ENCODING = new Rule("FFA.ERROR", DOC, "FFA_ERROR",
            "A failed call returns FFA_ERROR in w0 with the status code in w2; w1 and w3–w7 are zero.");
    public static final Rule SUCCESS_ENCODING = new Rule("FFA.SUCCESS", DOC, "FFA_SUCCESS",
            "A successful call returns FFA_SUCCESS (SMC32, or SMC64 where results need 64 bits) in w0.");
    public static final Rule RESERVED_RESULTS = new Rule("FFA.RESULTS.SBZ", DOC, "Reserved parameter convention",
            "Result registers an FF-A function does not define are reserved and should be zero.");
    public static final Rule NOT_PROVIDED = new Rule("FFA.NOT_PROVIDED", DOC, "FFA_FEATURES",
            "A call to an FF-A function the implementation does not provide at the caller's instance returns"
                    + " FFA_ERROR(NOT_SUPPORTED).");
    public static final Rule NEWER_THAN_CALLER = new Rule("FFA.NEWER_THAN_CALLER", DOC, "FFA_VERSION",
            "A function introduced in a later FF-A version than the caller negotiated is not available to it.");

    private FfaRules() {
    }
}
