package org.fwcts.model.psci;

import org.fwcts.model.Rule;

/** Rules of PSCI that predictions cite. */
public final class PsciRules {
    private static final String DOC = "DEN0022 (PSCI)";

    public static final Rule VERSION = new Rule("PSCI.VERSION", DOC, "PSCI_VERSION",
            "PSCI_VERSION returns the implemented PSCI version as major<<16 | minor.");
    public static final Rule FEATURES = new Rule("PSCI.FEATURES", DOC, "PSCI_FEATURES",
            "PSCI_FEATURES returns 0 or feature flags for an implemented PSCI or SMCCC function and NOT_SUPPORTED"
                    + " (-1) for any other identifier.");
    public static final Rule FEATURES_SINCE_1_0 = new Rule("PSCI.FEATURES_SINCE_1_0", DOC, "PSCI_FEATURES",
            "PSCI_FEATURES is mandatory from PSCI 1.0 and does not exist before it.");
    public static final Rule NOT_IMPLEMENTED = new Rule("PSCI.NOT_IMPLEMENTED", DOC, "Return error codes",
            "A PSCI function that the implementation does not provide returns NOT_SUPPORTED (-1).");

    private PsciRules() {
    }
}
