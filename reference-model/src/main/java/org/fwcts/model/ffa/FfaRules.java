package org.fwcts.model.ffa;

import org.fwcts.model.Rule;

/** Rules of FF-A that predictions cite. */
public final class FfaRules {
    private static final String DOC = "DEN0077A (FF-A)";

    public static final Rule ABSENT = new Rule("FFA.ABSENT", DOC, "FFA_VERSION",
            "Where no FF-A component answers the conduit, FFA_VERSION and every other FF-A function identifier are"
                    + " unknown functions and return NOT_SUPPORTED (-1); a caller takes this as \"FF-A is absent\".");
    public static final Rule VERSION = new Rule("FFA.VERSION", DOC, "FFA_VERSION",
            "FFA_VERSION returns the callee's FF-A version as major<<16 | minor, bit 31 clear.");

    private FfaRules() {
    }
}
