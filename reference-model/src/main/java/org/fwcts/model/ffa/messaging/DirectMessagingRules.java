package org.fwcts.model.ffa.messaging;

import static org.fwcts.model.ffa.FfaRules.DOC;

import org.fwcts.model.Rule;

/** Rules of direct messaging (DEN0077A, "Direct messaging"; ffa-abi.md §8) that predictions cite. */
public final class DirectMessagingRules {
    private static final String REQ = "FFA_MSG_SEND_DIRECT_REQ";
    private static final String REQ2 = "FFA_MSG_SEND_DIRECT_REQ2";
    private static final String RESP = "FFA_MSG_SEND_DIRECT_RESP";

    public static final Rule REQ_FORWARD = new Rule("FFA.MSG.DIRECT_REQ.FORWARD", DOC, REQ,
            "A valid direct request passes control to the receiver's waiting execution context, which then runs"
                    + " it with the sender as origin and sees the same function ID, w1 and payload registers; the"
                    + " SMC32 form carries only the low 32 bits of each.");
    public static final Rule REQ_COMPLETES = new Rule("FFA.MSG.DIRECT_REQ.COMPLETES", DOC, REQ,
            "A direct request to a partition that is listed as a receiver of direct requests and waits for one"
                    + " returns control to the caller: with the partition's response or an FFA_ERROR, never by"
                    + " leaving the caller blocked.");
    public static final Rule REQ2_FORWARD = new Rule("FFA.MSG.DIRECT_REQ2.FORWARD", DOC, REQ2,
            "A valid DIRECT_REQ2 reaches the receiver with x1, the UUID in x2/x3 and the payload in x4–x17 as"
                    + " passed.");
    public static final Rule REQ2_VERSION = new Rule("FFA.MSG.DIRECT_REQ2.VERSION", DOC, REQ2,
            "DIRECT_REQ2 exists from v1.2: a caller that negotiated an earlier version is refused (NOT_SUPPORTED"
                    + " from the normal world, where TF-A's SPMD checks it).");
    public static final Rule REQ_FLAGS = new Rule("FFA.MSG.DIRECT_REQ.FLAGS", DOC, REQ,
            "w2 bit 31 marks a framework message with its type in bits [7:0]; for a partition message w2 must"
                    + " be zero.");
    public static final Rule REQ_SENDER = new Rule("FFA.MSG.DIRECT_REQ.SENDER", DOC, REQ,
            "w1[31:16] names the sender: a partition must name itself; the normal world names a normal-world"
                    + " endpoint (a hypervisor sends for its VMs); anything else is INVALID_PARAMETERS.");
    public static final Rule REQ_RECEIVER = new Rule("FFA.MSG.DIRECT_REQ.RECEIVER", DOC, REQ,
            "w1[15:0] must name a partition of the system other than the sender; otherwise INVALID_PARAMETERS.");
    public static final Rule REQ_TO_NORMAL_WORLD = new Rule("FFA.MSG.DIRECT_REQ.TO_NORMAL_WORLD", DOC, REQ,
            "Partitions do not send direct requests to normal-world endpoints.");
    public static final Rule REQ_BETWEEN_PARTITIONS = new Rule("FFA.MSG.DIRECT_REQ.BETWEEN_PARTITIONS", DOC, REQ,
            "A partition may send direct requests to another partition where the SPMC supports call chains.");
    public static final Rule REQ_NOT_RECEIVER = new Rule("FFA.MSG.DIRECT_REQ.NOT_RECEIVER", DOC, REQ,
            "The receiver's partition properties must accept the request's kind: bit 0 for DIRECT_REQ, bit 9"
                    + " for DIRECT_REQ2.");
    public static final Rule REQ_NOT_SENDER = new Rule("FFA.MSG.DIRECT_REQ.NOT_SENDER", DOC, REQ,
            "A partition sends only the kinds of direct request its properties declare (bit 1 for DIRECT_REQ,"
                    + " bit 10 for DIRECT_REQ2); otherwise DENIED.");
    public static final Rule REQ2_UUID = new Rule("FFA.MSG.DIRECT_REQ2.UUID", DOC, REQ2,
            "x2/x3 name the receiver's service: the nil UUID is accepted, a UUID the receiver does not serve is"
                    + " refused.");
    public static final Rule REQ2_RECEIVER_VERSION = new Rule("FFA.MSG.DIRECT_REQ2.RECEIVER_VERSION", DOC, REQ2,
            "A receiver built for a version before v1.2 cannot take DIRECT_REQ2.");
    public static final Rule REQ_BUSY = new Rule("FFA.MSG.DIRECT_REQ.BUSY", DOC, REQ,
            "The receiver's execution context must be waiting; while it runs, is blocked or preempted the"
                    + " request fails with BUSY.");
    public static final Rule RESP_FORWARD = new Rule("FFA.MSG.DIRECT_RESP.FORWARD", DOC, RESP,
            "A valid direct response returns control to the request's origin, which sees the same function ID,"
                    + " w1 and payload registers; the responder's context waits again.");
    public static final Rule RESP2_FORWARD = new Rule("FFA.MSG.DIRECT_RESP2.FORWARD", DOC,
            "FFA_MSG_SEND_DIRECT_RESP2", "DIRECT_RESP2 returns x4–x17 to the origin; x2 and x3 are reserved.");
    public static final Rule RESP_FLAGS = new Rule("FFA.MSG.DIRECT_RESP.FLAGS", DOC, RESP,
            "A partition message response has w2 zero (x2 and x3 reserved in DIRECT_RESP2).");
    public static final Rule RESP_FROM_NORMAL_WORLD = new Rule("FFA.MSG.DIRECT_RESP.NORMAL_WORLD", DOC, RESP,
            "Only partitions answer direct requests at the SPMC; the normal world has none to answer.");
    public static final Rule RESP_SENDER = new Rule("FFA.MSG.DIRECT_RESP.SENDER", DOC, RESP,
            "w1[31:16] must be the responding partition itself; otherwise INVALID_PARAMETERS.");
    public static final Rule RESP_DESTINATION = new Rule("FFA.MSG.DIRECT_RESP.DESTINATION", DOC, RESP,
            "w1[15:0] must be the origin of the request being answered.");
    public static final Rule RESP_NO_REQUEST = new Rule("FFA.MSG.DIRECT_RESP.NO_REQUEST", DOC, RESP,
            "A response is only valid from an execution context running a direct request; otherwise DENIED.");
    public static final Rule RESP_KIND = new Rule("FFA.MSG.DIRECT_RESP.KIND", DOC, RESP,
            "DIRECT_REQ is answered with DIRECT_RESP and DIRECT_REQ2 with DIRECT_RESP2; a mismatch is DENIED.");
    public static final Rule FRAMEWORK = new Rule("FFA.MSG.DIRECT.FRAMEWORK", DOC, REQ,
            "Framework messages (w2 bit 31) carry SPMC/SPMD protocol messages whose handling is message-specific.");
    public static final Rule PAYLOAD_UNDEFINED = new Rule("FFA.MSG.DIRECT.PAYLOAD_UNDEFINED", DOC, REQ,
            "DIRECT_REQ and DIRECT_RESP carry no payload in x8–x17, and an SMC32 message none in the upper"
                    + " halves of x1–x7: what the receiver finds there is not defined.");

    private DirectMessagingRules() {
    }
}
