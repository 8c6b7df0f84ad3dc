package org.fwcts.model.ffa.memory;

import static org.fwcts.model.ffa.FfaRules.DOC;

import org.fwcts.model.Rule;

/**
 * The rules of FF-A memory management that span its functions: the access each endpoint has after a
 * transition, handles, zeroing, and the two rules from the field that FWCTS checks explicitly.
 */
public final class MemoryRules {
    private static final String MEMORY = "Memory management: ownership and access";

    /**
     * Rule (a): Hafnium before commit 7cd5eb31 (Oct 2020) resolved an unspecified instruction access
     * to X, making lent memory executable.
     */
    public static final Rule NOT_SPECIFIED_NEVER_EXECUTABLE = new Rule("FFA.MEM.LEND.NOT_SPECIFIED_NEVER_X", DOC,
            "FFA_MEM_LEND, FFA_MEM_DONATE",
            "When FFA_MEM_LEND or FFA_MEM_DONATE leaves the instruction access NOT_SPECIFIED, the borrower never"
                    + " gets execute permission: only an explicit X that the rules allow makes memory executable.");
    /**
     * Rule (b): Hafnium before commit 2a0d2889 (Oct 2020), and other SPMCs since, mapped reclaimed
     * memory back to the owner as R+W+X.
     */
    public static final Rule RECLAIM_RESTORES_EXACTLY = new Rule("FFA.MEM.RECLAIM.RESTORES_EXACTLY", DOC,
            "FFA_MEM_RECLAIM",
            "After FFA_MEM_RECLAIM the owner has exactly the access it had to each page before the send, never"
                    + " more.");
    public static final Rule OWNER_AFTER_SEND = new Rule("FFA.MEM.SEND.OWNER_ACCESS", DOC, MEMORY,
            "When a send completes, the owner keeps its access after FFA_MEM_SHARE, loses it after FFA_MEM_LEND,"
                    + " and loses access and ownership after FFA_MEM_DONATE.");
    public static final Rule BORROWER_AFTER_RETRIEVE = new Rule("FFA.MEM.RETRIEVE.BORROWER_ACCESS", DOC, MEMORY,
            "A borrower has access to the region only between a successful retrieve and its relinquish, with the"
                    + " permissions the retrieve resolved; a retrieved DONATE makes it the owner.");
    public static final Rule HANDLE = new Rule("FFA.MEM.HANDLE", DOC, "Memory handle",
            "The handle the relayer returns is chosen by it: never all ones, bit 63 clear when the SPMC allocates"
                    + " it, and not the handle of another live transaction.");
    public static final Rule ZERO_ON_SEND = new Rule("FFA.MEM.ZERO.SEND", DOC, "Flags usage",
            "Flag bit 0 of a LEND or DONATE asks the relayer to zero the region before any borrower maps it.");
    public static final Rule ZERO_BEFORE_RETRIEVE = new Rule("FFA.MEM.ZERO.RETRIEVE", DOC, "Flags usage",
            "A retrieve request with flag bit 0, of memory whose sender asked for zeroing, finds the region zeroed.");
    public static final Rule ZERO_ON_RELINQUISH = new Rule("FFA.MEM.ZERO.RELINQUISH", DOC, "FFA_MEM_RELINQUISH",
            "Relinquish flag bit 0 zeroes the region once the last borrower has relinquished it.");
    public static final Rule ZERO_ON_RECLAIM = new Rule("FFA.MEM.ZERO.RECLAIM", DOC, "FFA_MEM_RECLAIM",
            "Reclaim flag bit 0 zeroes the region before the owner regains access.");
    public static final Rule INCOMPLETE = new Rule("FFA.MEM.INCOMPLETE", DOC, "FFA_MEM_FRAG_TX",
            "Until the last fragment of a send arrives the transaction does not exist: retrieving, relinquishing"
                    + " or reclaiming its handle is INVALID_PARAMETERS.");
    public static final Rule DESCRIPTOR_IN_TX = new Rule("FFA.MEM.TX_BUFFER", DOC, "FFA_MEM_SHARE, FFA_MEM_RETRIEVE_REQ",
            "x3 (address) and w4 (page count) zero mean the descriptor is in the caller's TX buffer, the only"
                    + " place these SPMCs read it; other values are INVALID_PARAMETERS.");
    public static final Rule TX_BUFFER = new Rule("FFA.MEM.TX_BUFFER.MAPPED", DOC, "FFA_MEM_SHARE, FFA_MEM_FRAG_TX",
            "A descriptor passed in the TX buffer needs a mapped TX buffer that holds the whole fragment.");

    private MemoryRules() {
    }
}
