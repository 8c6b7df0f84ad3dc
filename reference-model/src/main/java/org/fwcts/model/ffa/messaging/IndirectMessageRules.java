package org.fwcts.model.ffa.messaging;

import org.fwcts.model.Rule;

/** The structural rules of the FFA_MSG_SEND2 partition message header, one per malformation. */
public final class IndirectMessageRules {
    private static final String DOC = "DEN0077A (FF-A)";
    private static final String SECTION = "Partition message header (FFA_MSG_SEND2)";

    public static final Rule HEADER_LENGTH = new Rule("FFA.MSG_SEND2.HEADER_LENGTH", DOC, SECTION,
            "The buffer holds at least a whole header: 20 bytes in v1.1, 40 bytes from v1.2.");
    public static final Rule FLAGS = new Rule("FFA.MSG_SEND2.HEADER_FLAGS", DOC, SECTION,
            "The header's flags word @0 is reserved, zero.");
    public static final Rule RESERVED = new Rule("FFA.MSG_SEND2.HEADER_RESERVED", DOC, SECTION,
            "The reserved words @4 and (v1.2) @20 are zero.");
    public static final Rule PAYLOAD_OFFSET = new Rule("FFA.MSG_SEND2.PAYLOAD_OFFSET", DOC, SECTION,
            "The payload offset is at least the header size for the sender's version (20 in v1.1, 40 from v1.2).");
    public static final Rule PAYLOAD_SIZE = new Rule("FFA.MSG_SEND2.PAYLOAD_SIZE", DOC, SECTION,
            "Payload offset plus size does not exceed the buffer; a message occupies at most one 4K page.");

    private IndirectMessageRules() {
    }
}
