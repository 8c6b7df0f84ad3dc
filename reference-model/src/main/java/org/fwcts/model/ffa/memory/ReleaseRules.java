package org.fwcts.model.ffa.memory;

import static org.fwcts.model.ffa.FfaRules.DOC;

import org.fwcts.model.Rule;

/** Rules of FFA_MEM_RELINQUISH and FFA_MEM_RECLAIM that predictions cite. */
public final class ReleaseRules {
    private static final String RELINQUISH = "FFA_MEM_RELINQUISH";
    private static final String RECLAIM = "FFA_MEM_RECLAIM";

    public static final Rule RELINQUISH_SUCCESS = rule("RELINQUISH", RELINQUISH,
            "A borrower that retrieved the memory gives up its access with FFA_MEM_RELINQUISH: FFA_SUCCESS.");
    public static final Rule RELINQUISH_DESCRIPTOR = rule("RELINQUISH.DESCRIPTOR", RELINQUISH,
            "The relinquish descriptor is in the mapped TX buffer and names exactly one endpoint, the caller;"
                    + " otherwise INVALID_PARAMETERS.");
    public static final Rule RELINQUISH_FLAGS = rule("RELINQUISH.FLAGS", RELINQUISH,
            "The relinquish flags carry only what the relayer supports; zeroing shared memory is"
                    + " INVALID_PARAMETERS, zeroing memory the borrower could only read is DENIED.");
    public static final Rule RELINQUISH_HANDLE = rule("RELINQUISH.HANDLE", RELINQUISH,
            "The handle names a live transaction the caller borrows and has retrieved completely; otherwise"
                    + " INVALID_PARAMETERS.");
    public static final Rule RECLAIM_SUCCESS = rule("RECLAIM", RECLAIM,
            "The owner ends a transaction no borrower holds with FFA_MEM_RECLAIM (w1/w2 handle): FFA_SUCCESS.");
    public static final Rule RECLAIM_FLAGS = rule("RECLAIM.FLAGS", RECLAIM,
            "w3 carries only the reclaim flags the relayer supports; otherwise INVALID_PARAMETERS.");
    public static final Rule RECLAIM_HANDLE = rule("RECLAIM.HANDLE", RECLAIM,
            "The handle names a live transaction (not unknown, freed or reclaimed already); otherwise"
                    + " INVALID_PARAMETERS.");
    public static final Rule RECLAIM_OWNER = rule("RECLAIM.OWNER", RECLAIM,
            "Only the owner reclaims (any normal-world caller for normal-world memory): another partition is"
                    + " INVALID_PARAMETERS, the normal world reclaiming a partition's memory is DENIED.");
    public static final Rule RECLAIM_IN_USE = rule("RECLAIM.IN_USE", RECLAIM,
            "While any borrower has retrieved the memory and not relinquished it, reclaim is DENIED.");
    public static final Rule RECLAIM_ZERO_WITHOUT_WRITE = rule("RECLAIM.ZERO_WITHOUT_WRITE", RECLAIM,
            "Zeroing on reclaim memory the owner cannot write is DENIED.");

    private ReleaseRules() {
    }

    private static Rule rule(String name, String section, String statement) {
        return new Rule("FFA.MEM." + name, DOC, section, statement);
    }
}
