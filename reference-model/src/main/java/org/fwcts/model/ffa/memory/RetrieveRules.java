package org.fwcts.model.ffa.memory;

import static org.fwcts.model.ffa.FfaRules.DOC;

import org.fwcts.model.Rule;

/** Rules of FFA_MEM_RETRIEVE_REQ, the retrieve response and FFA_MEM_FRAG_RX that predictions cite. */
public final class RetrieveRules {
    private static final String RETRIEVE = "FFA_MEM_RETRIEVE_REQ";
    private static final String FRAG_RX = "FFA_MEM_FRAG_RX";

    public static final Rule RESPONSE = rule("RESPONSE", "FFA_MEM_RETRIEVE_RESP",
            "A valid retrieve returns FFA_MEM_RETRIEVE_RESP with the response length in w1 and the part written to"
                    + " the RX buffer in w2; the retriever then owns its RX buffer.");
    public static final Rule RESPONSE_CONTENTS = rule("RESPONSE_CONTENTS", "FFA_MEM_RETRIEVE_RESP",
            "The response describes the transaction: sender, attributes (NS bit for normal-world memory),"
                    + " flags with the transaction type, handle, tag, the receivers and their permissions, the region.");
    public static final Rule FRAGMENTED_REQUEST = rule("FRAGMENTED_REQUEST", RETRIEVE,
            "These relayers take a retrieve request in one fragment (w1 = w2) no longer than the TX buffer and no"
                    + " shorter than a header; otherwise INVALID_PARAMETERS.");
    public static final Rule RX_BUFFER = rule("RX_BUFFER", RETRIEVE,
            "The response goes to the retriever's RX buffer: none mapped is INVALID_PARAMETERS, a full one is"
                    + " refused with the relayer's busy error.");
    public static final Rule HANDLE = rule("HANDLE", RETRIEVE,
            "The request names (handle field) a live, completely sent transaction; otherwise INVALID_PARAMETERS.");
    public static final Rule SENDER = rule("SENDER", RETRIEVE,
            "The request repeats the transaction's sender; otherwise the relayer refuses it.");
    public static final Rule TAG = rule("TAG", RETRIEVE,
            "The request repeats the transaction's tag; otherwise INVALID_PARAMETERS.");
    public static final Rule RECEIVERS = rule("RECEIVERS", RETRIEVE,
            "The request lists as many receivers as the transaction, the caller among them, each one of the"
                    + " transaction's; otherwise INVALID_PARAMETERS (Hafnium: DENIED for a stranger).");
    public static final Rule CALLER = rule("CALLER", RETRIEVE,
            "Only a receiver of the transaction may retrieve it; otherwise INVALID_PARAMETERS.");
    public static final Rule NS_BIT = rule("NS_BIT", RETRIEVE, "The NS bit is MBZ in a retrieve request; INVALID_PARAMETERS.");
    public static final Rule TYPE = rule("TYPE", RETRIEVE,
            "A non-zero transaction type in the request flags must be the transaction's; otherwise INVALID_PARAMETERS.");
    public static final Rule FLAGS = rule("FLAGS", RETRIEVE,
            "A request carries only supported flags: no zeroing of shared memory, no alignment hint, bits [31:11]"
                    + " MBZ; otherwise INVALID_PARAMETERS.");
    public static final Rule ZERO_NOT_OFFERED = rule("ZERO_NOT_OFFERED", RETRIEVE,
            "Asking for zeroed memory that the sender did not ask to zero, or zeroing what the retriever may only"
                    + " read, is DENIED.");
    public static final Rule ADDRESS_RANGES = rule("ADDRESS_RANGES", RETRIEVE,
            "A retriever may not name address ranges (composite offset 0); otherwise INVALID_PARAMETERS.");
    public static final Rule ATTRIBUTES = rule("ATTRIBUTES", RETRIEVE,
            "Attributes a retriever states must be ones the relayer maps, and not Normal for device memory;"
                    + " otherwise DENIED.");
    public static final Rule DATA_ACCESS = rule("DATA_ACCESS", RETRIEVE,
            "A retriever gets the data access it asks for if it is no more than the sender's, the sender's when it"
                    + " asks for none; asking for more is DENIED.");
    public static final Rule INSTRUCTION_ACCESS = rule("INSTRUCTION_ACCESS", RETRIEVE,
            "SHARE and multi-borrower LEND retrievers leave instruction access NOT_SPECIFIED and get NX; single"
                    + " LEND and DONATE retrievers must ask for X or NX; otherwise INVALID_PARAMETERS.");
    public static final Rule EXECUTE_NORMAL_WORLD = rule("EXECUTE_NORMAL_WORLD", RETRIEVE,
            "A relayer that cannot move normal-world memory to the secure PAS refuses X on it with"
                    + " INVALID_PARAMETERS.");
    public static final Rule IMPDEF = rule("IMPDEF", RETRIEVE,
            "In 32-byte EMADs the implementation-defined value must repeat the sender's; otherwise INVALID_PARAMETERS.");
    public static final Rule TWICE = rule("TWICE", RETRIEVE,
            "A borrower that retrieved memory and did not relinquish it retrieves again only where the relayer"
                    + " counts retrievals; otherwise DENIED.");
    public static final Rule FRAG_RX_OFFSET = rule("OFFSET", FRAG_RX,
            "FFA_MEM_FRAG_RX names (w1/w2) the response being pulled and (w3) the bytes received so far; otherwise"
                    + " INVALID_PARAMETERS.");
    public static final Rule FRAG_RX_SENDER = rule("SENDER_ID", FRAG_RX,
            "w4 of FFA_MEM_FRAG_RX from a partition is zero; otherwise INVALID_PARAMETERS.");
    public static final Rule FRAG_TX = rule("FRAG_TX", FRAG_RX,
            "A valid FFA_MEM_FRAG_RX writes the next fragment to the RX buffer and returns FFA_MEM_FRAG_TX with the"
                    + " handle in w1/w2 and its length in w3.");

    private RetrieveRules() {
    }

    private static Rule rule(String name, String section, String statement) {
        String prefix = section.equals(FRAG_RX) ? "FFA.MEM.FRAG_RX." : "FFA.MEM.RETRIEVE.";
        return new Rule(prefix + name, DOC, section, statement);
    }
}
