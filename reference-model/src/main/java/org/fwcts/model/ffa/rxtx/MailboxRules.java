package org.fwcts.model.ffa.rxtx;

import static org.fwcts.model.ffa.FfaRules.DOC;

import org.fwcts.model.Rule;

/** Rules of RX/TX buffer management that predictions cite. */
public final class MailboxRules {
    public static final Rule MAP = new Rule("FFA.RXTX_MAP", DOC, "FFA_RXTX_MAP",
            "FFA_RXTX_MAP registers the caller's TX buffer (x1) and RX buffer (x2) of w3 4K pages each and returns"
                    + " FFA_SUCCESS; the producer then owns the RX buffer.");
    public static final Rule MAP_ADDRESS = new Rule("FFA.RXTX_MAP.ADDRESS", DOC, "FFA_RXTX_MAP",
            "Both buffers must be non-zero, distinct, non-overlapping and aligned to the minimum buffer size;"
                    + " otherwise INVALID_PARAMETERS.");
    public static final Rule MAP_PAGE_COUNT = new Rule("FFA.RXTX_MAP.PAGE_COUNT", DOC, "FFA_RXTX_MAP",
            "The page count must be at least 1 and at most the maximum the callee supports; otherwise"
                    + " INVALID_PARAMETERS.");
    public static final Rule MAP_TWICE = new Rule("FFA.RXTX_MAP.TWICE", DOC, "FFA_RXTX_MAP",
            "A caller that already has buffers mapped is DENIED a second mapping.");
    public static final Rule UNMAP = new Rule("FFA.RXTX_UNMAP", DOC, "FFA_RXTX_UNMAP",
            "FFA_RXTX_UNMAP removes the caller's buffers and returns FFA_SUCCESS; with none mapped it is"
                    + " INVALID_PARAMETERS.");
    public static final Rule UNMAP_ID_MBZ = new Rule("FFA.RXTX_UNMAP.ID_MBZ", DOC, "FFA_RXTX_UNMAP",
            "w1[31:16] names a VM only when a hypervisor forwards the call; from any other caller it must be zero"
                    + " (INVALID_PARAMETERS otherwise).");
    public static final Rule RELEASE = new Rule("FFA.RX_RELEASE", DOC, "FFA_RX_RELEASE",
            "FFA_RX_RELEASE hands the RX buffer back to the producer; a caller that does not own it (nothing was"
                    + " delivered, or no buffer is mapped) is DENIED.");
    public static final Rule ACQUIRE = new Rule("FFA.RX_ACQUIRE", DOC, "FFA_RX_ACQUIRE",
            "FFA_RX_ACQUIRE (hypervisor to SPMC) takes the producer role for a VM's RX buffer: INVALID_PARAMETERS"
                    + " when none is mapped, DENIED when the buffer is not free.");

    private MailboxRules() {
    }
}
