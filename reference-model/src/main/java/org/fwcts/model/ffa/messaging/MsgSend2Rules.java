package org.fwcts.model.ffa.messaging;

import static org.fwcts.model.ffa.FfaRules.DOC;

import org.fwcts.model.Rule;

/**
 * Rules of FFA_MSG_SEND2 (DEN0077A, "FFA_MSG_SEND2"; ffa-abi.md §9) beyond the header's own
 * structure, which {@link IndirectMessageRules} states.
 */
public final class MsgSend2Rules {
    private static final String SEND2 = "FFA_MSG_SEND2";

    public static final Rule DELIVERED = new Rule("FFA.MSG_SEND2.DELIVERED", DOC, SEND2,
            "FFA_MSG_SEND2 copies the header and payload from the sender's TX buffer to the receiver's RX"
                    + " buffer, which the receiver then owns, and returns FFA_SUCCESS.");
    public static final Rule OLD_CALLER = new Rule("FFA.MSG_SEND2.VERSION", DOC, SEND2,
            "Indirect messages exist from v1.1: a v1.0 sender or receiver cannot use them.");
    public static final Rule SENDER_FIELD = new Rule("FFA.MSG_SEND2.SENDER", DOC, SEND2,
            "w1[31:16] names a VM only when a hypervisor forwards the message (zero otherwise), and the"
                    + " header's sender must be the sending endpoint; otherwise INVALID_PARAMETERS.");
    public static final Rule SENDER_BUFFERS = new Rule("FFA.MSG_SEND2.SENDER_TX", DOC, SEND2,
            "The message is read from the sender's TX buffer: a sender without mapped buffers is DENIED.");
    public static final Rule RECEIVER = new Rule("FFA.MSG_SEND2.RECEIVER", DOC, SEND2,
            "The header's receiver must be another endpoint of the system; otherwise INVALID_PARAMETERS.");
    public static final Rule FLAGS = new Rule("FFA.MSG_SEND2.FLAGS", DOC, SEND2,
            "w2 flags (bit 1: delay the schedule receiver interrupt) are for partitions; a normal-world sender"
                    + " passes zero.");
    public static final Rule NOT_SUPPORTED_BY_ENDPOINT = new Rule("FFA.MSG_SEND2.ENDPOINTS", DOC, SEND2,
            "Both partitions must declare indirect messaging (property bit 2) and both endpoints use v1.1 or"
                    + " later; otherwise DENIED.");
    public static final Rule RECEIVER_BUSY = new Rule("FFA.MSG_SEND2.BUSY", DOC, SEND2,
            "The receiver's RX buffer must be mapped and free (owned by the producer); otherwise BUSY.");

    private MsgSend2Rules() {
    }
}
