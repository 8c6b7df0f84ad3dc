package org.fwcts.model.ffa.memory;

import static org.fwcts.model.ffa.FfaRules.DOC;

import org.fwcts.model.Rule;

/** Rules of FFA_MEM_DONATE, FFA_MEM_LEND and FFA_MEM_SHARE and their fragments that predictions cite. */
public final class SendRules {
    private static final String SEND = "FFA_MEM_DONATE, FFA_MEM_LEND, FFA_MEM_SHARE";
    private static final String FRAG_TX = "FFA_MEM_FRAG_TX";

    public static final Rule SUCCESS = rule("SUCCESS", SEND,
            "A valid send whose last fragment has arrived returns FFA_SUCCESS with the handle in w2 (low) and w3 (high).");
    public static final Rule FRAGMENT_LENGTH = rule("FRAGMENT_LENGTH", SEND,
            "The fragment length (w2) is at most the total length (w1) and holds at least the descriptor header;"
                    + " otherwise INVALID_PARAMETERS.");
    public static final Rule LENGTH_ALIGNMENT = rule("LENGTH_ALIGNMENT", SEND,
            "The total length is a multiple of 16; the implementation refuses another with its chosen error.");
    public static final Rule SENDER = rule("SENDER", SEND,
            "The descriptor's sender is the caller (any normal-world ID for a normal-world caller); otherwise DENIED.");
    public static final Rule NS_BIT = rule("NS_BIT", SEND, "The NS bit of the attributes is MBZ in a send; INVALID_PARAMETERS.");
    public static final Rule FLAGS = rule("FLAGS", SEND,
            "A send carries only the flags the relayer supports: zero memory (not for SHARE) and time slicing;"
                    + " others, and unsupported ones, are INVALID_PARAMETERS.");
    public static final Rule RECEIVER_COUNT = rule("RECEIVER_COUNT", SEND,
            "A send names between one and the relayer's maximum of borrowers, a DONATE exactly one;"
                    + " otherwise INVALID_PARAMETERS.");
    public static final Rule RECEIVER_KNOWN = rule("RECEIVER_KNOWN", SEND,
            "Every receiver is an endpoint the relayer knows, not the sender, and named once; otherwise"
                    + " INVALID_PARAMETERS.");
    public static final Rule RECEIVER_WORLD = rule("RECEIVER_WORLD", SEND,
            "An SPMC lends and donates only to partitions and lets a partition send only to partitions; other"
                    + " directions are DENIED.");
    public static final Rule OWN_PARTITION = rule("OWN_PARTITION", SEND,
            "An SPMC that is itself the only partition must be a receiver, with the access and attributes it"
                    + " supports; otherwise INVALID_PARAMETERS.");
    public static final Rule DATA_ACCESS = rule("DATA_ACCESS", SEND,
            "SHARE and LEND state RO or RW data access for every borrower; DONATE leaves it NOT_SPECIFIED;"
                    + " otherwise INVALID_PARAMETERS.");
    public static final Rule INSTRUCTION_ACCESS = rule("INSTRUCTION_ACCESS", SEND,
            "A sender leaves the instruction access NOT_SPECIFIED; the borrower asks for it; otherwise"
                    + " INVALID_PARAMETERS.");
    public static final Rule MEMORY_TYPE = rule("MEMORY_TYPE", SEND,
            "DONATE and single-borrower LEND leave the memory type NOT_SPECIFIED for the borrower to choose;"
                    + " otherwise INVALID_PARAMETERS.");
    public static final Rule ATTRIBUTES = rule("ATTRIBUTES", SEND,
            "SHARE and multi-borrower LEND state attributes the relayer supports (Normal write-back inner"
                    + " shareable); others are DENIED.");
    public static final Rule OWNERSHIP = rule("OWNERSHIP", SEND,
            "The sender owns every page of the region exclusively, with one access throughout, and grants no"
                    + " access it lacks; otherwise DENIED.");
    public static final Rule ZERO_WITHOUT_WRITE = rule("ZERO_WITHOUT_WRITE", SEND,
            "Asking to zero memory the sender cannot write is DENIED.");
    public static final Rule OVERLAP = rule("OVERLAP", SEND,
            "A region that overlaps the region of a live transaction cannot be sent again.");
    public static final Rule NO_MEMORY = rule("NO_MEMORY", SEND,
            "When the relayer has no room for another transaction or fragment it answers NO_MEMORY.");
    public static final Rule FRAG_RX = rule("FRAG_RX", SEND,
            "A send whose fragment is shorter than the total returns FFA_MEM_FRAG_RX with the handle in w1/w2 and"
                    + " the bytes received so far in w3.");
    public static final Rule FRAG_TX_HANDLE = rule("FRAG_TX.HANDLE", FRAG_TX,
            "FFA_MEM_FRAG_TX names (w1/w2) a send that is still expecting fragments from the caller; otherwise"
                    + " INVALID_PARAMETERS.");
    public static final Rule FRAG_TX_SENDER_ID = rule("FRAG_TX.SENDER_ID", FRAG_TX,
            "w4[31:16] of FFA_MEM_FRAG_TX carries the sender ID only where the relayer expects it; otherwise"
                    + " INVALID_PARAMETERS.");
    public static final Rule FRAG_TX_LENGTH = rule("FRAG_TX.LENGTH", FRAG_TX,
            "A fragment fits the TX buffer and what is left of the total length, in whole constituents where"
                    + " the relayer requires; otherwise INVALID_PARAMETERS.");

    private SendRules() {
    }

    private static Rule rule(String name, String section, String statement) {
        return new Rule("FFA.MEM.SEND." + name, DOC, section, statement);
    }
}
