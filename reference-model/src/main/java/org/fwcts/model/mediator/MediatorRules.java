package org.fwcts.model.mediator;

import org.fwcts.model.Rule;

/**
 * What Xen's FF-A mediator does for a guest, as its source says (xen/arch/arm/tee/ffa*.c at the
 * RELEASE-4.20.0, 4.21.0 and 4.22.0 tags). Where the FF-A specification leaves a choice open the
 * mediator's choice is the rule; the releases' differences are {@link MediatorChoices}.
 */
public final class MediatorRules {
    public static final String DOC = "Xen FF-A mediator (xen/arch/arm/tee)";

    public static final Rule NOT_ATTACHED = new Rule("XEN.FFA.NOT_ATTACHED", DOC, "tee.c tee_handle_call; vsmc.c",
            "A domain without the FF-A mediator gets SMCCC's unknown-function answer (w0 = -1) to every FF-A call.");
    public static final Rule VERSION = new Rule("XEN.FFA.VERSION", DOC,
            "ffa.c ffa_negotiate_version (4.22), handle_version (4.20, 4.21)",
            "FFA_VERSION is answered by the mediator with its own version (FFA_MY_VERSION: 1.2 in 4.22, 1.1 before),"
                    + " whatever the guest asks; a request of major 1 selects min(requested, own) for the guest.");
    public static final Rule VERSION_FIRST = new Rule("XEN.FFA.VERSION_FIRST", DOC, "ffa.c ffa_negotiate_version (4.22)",
            "Before a guest's first FFA_VERSION every other FF-A call is NOT_SUPPORTED; the first other call fixes"
                    + " the guest's version for the domain's lifetime.");
    public static final Rule ID = new Rule("XEN.FFA.ID", DOC, "ffa.c ffa_handle_call; ffa_private.h ffa_get_vm_id",
            "FFA_ID_GET returns FFA_SUCCESS with the VM's endpoint ID, domain ID + 1, in w2.");
    public static final Rule FEATURES = new Rule("XEN.FFA.FEATURES", DOC, "ffa.c handle_features",
            "FFA_FEATURES reports what the mediator offers the guest: the ABIs it emulates, those it forwards when"
                    + " the SPMC has them (4.22), feature 1 = INTID 8 and 2 = INTID 9, NOT_SUPPORTED for the rest;"
                    + " 4.20 and 4.21 refuse a query with w2..w7 not zero.");
    public static final Rule NOT_PROVIDED = new Rule("XEN.FFA.NOT_PROVIDED", DOC, "ffa.c ffa_handle_call default",
            "An FF-A ABI the mediator neither emulates nor forwards (MEM_LEND, MEM_DONATE, MEM_RETRIEVE_*, SPM_ID_GET,"
                    + " RX_ACQUIRE, MSG_WAIT, ...) is FFA_ERROR(NOT_SUPPORTED).");
    public static final Rule RXTX_MAP = new Rule("XEN.FFA.RXTX_MAP", DOC, "ffa_rxtx.c ffa_handle_rxtx_map",
            "The mediator holds each VM's RX/TX pair itself: one 4K page each (other counts INVALID_PARAMETERS,"
                    + " 4.22 also unaligned addresses); a second map while mapped is DENIED; a new pair's RX is free.");
    public static final Rule RXTX_UNMAP = new Rule("XEN.FFA.RXTX_UNMAP", DOC, "ffa_rxtx.c rxtx_unmap",
            "RXTX_UNMAP with nothing mapped is INVALID_PARAMETERS; 4.22 refuses it with DENIED while the VM owns its RX.");
    public static final Rule RX_RELEASE = new Rule("XEN.FFA.RX_RELEASE", DOC, "ffa_rxtx.c ffa_rx_release",
            "RX_RELEASE gives the RX buffer back to the mediator; with nothing mapped or the RX already free it is DENIED.");
    public static final Rule PARTITION_INFO = new Rule("XEN.FFA.PARTITION_INFO", DOC,
            "ffa_partinfo.c ffa_handle_partition_info_get",
            "Partition information lists the SPs first (4.22 from the list cached at boot, UUID zeroed for a UUID"
                    + " query), then VMs; 24-byte descriptors from v1.1 (w3 = 24), 8-byte for v1.0 (w3 = 0 in 4.22,"
                    + " 8 in 4.21); the RX buffer must be mapped (DENIED) and free (BUSY) and becomes the VM's.");
    public static final Rule PARTITION_INFO_VMS = new Rule("XEN.FFA.PARTITION_INFO.VMS", DOC,
            "ffa_partinfo.c ffa_get_vm_partinfo",
            "A VM entry has ID = domain ID + 1, its vCPU count, zero UUID and properties 0x10E (sends direct requests,"
                    + " indirect messages, receives notifications, PE ID type, AArch64); the caller of v1.2 or later sees"
                    + " itself first (4.22), older callers never; other VMs only with CONFIG_FFA_VM_TO_VM, each once,"
                    + " once listed (4.22: at its first call after FFA_VERSION; 4.21: at its first FFA_VERSION).");
    public static final Rule PARTITION_INFO_COUNT = new Rule("XEN.FFA.PARTITION_INFO.COUNT", DOC,
            "ffa_partinfo.c ffa_handle_partition_info_get",
            "Flag bit 0 returns the count alone (w3 = 0, RX untouched): the SPs plus the listed VMs, less the caller"
                    + " below v1.2; other flags, or a v1.0 caller's count request, are INVALID_PARAMETERS.");
    public static final Rule PARTITION_INFO_NO_MEMORY = new Rule("XEN.FFA.PARTITION_INFO.NO_MEMORY", DOC,
            "ffa_partinfo.c ffa_copy_info",
            "When the descriptors do not fit the VM's RX buffer the call is NO_MEMORY and the RX buffer stays free.");
    public static final Rule DIRECT_REQ = new Rule("XEN.FFA.DIRECT_REQ", DOC, "ffa_msg.c ffa_handle_msg_send_direct_req",
            "A VM's direct request is forwarded to the SPMC only from the VM's own ID (w1[31:16], else"
                    + " INVALID_PARAMETERS) to a secure endpoint (else NOT_SUPPORTED); the SP sees the VM's ID as sender.");

    public static final Rule MEM_SHARE = new Rule("XEN.FFA.MEM_SHARE", DOC, "ffa_shm.c ffa_handle_mem_share (4.22)",
            "A VM's FFA_MEM_SHARE is taken from its TX buffer only (w3 not 0: NOT_SUPPORTED), in one fragment (w2 > w1:"
                    + " INVALID_PARAMETERS, w2 < w1: NOT_SUPPORTED), with its RX/TX pair mapped (DENIED); the descriptor"
                    + " must say Normal write-back inner-shareable memory (NS bit: INVALID_PARAMETERS, other attributes:"
                    + " NOT_SUPPORTED), one borrower (NOT_SUPPORTED), the VM as sender (INVALID_PARAMETERS), an SP as"
                    + " borrower with read-write access (NOT_SUPPORTED), at least one page (INVALID_PARAMETERS) and"
                    + " page-aligned ranges adding up to the total (INVALID_PARAMETERS); at most 256 pages and 32 shares"
                    + " per VM (NO_MEMORY).");
    public static final Rule MEM_SHARE_FORWARD = new Rule("XEN.FFA.MEM_SHARE.FORWARD", DOC, "ffa_shm.c share_shm",
            "The mediator shares the VM's pages with the SPMC itself, from its own TX buffer in one fragment: sender the"
                    + " VM, Normal WB inner-shareable, one borrower with read-write access, the guest's flags, tag and handle"
                    + " fields dropped, each page at its machine address (NOT_SUPPORTED when that takes more than a"
                    + " page); the SPMC's handle is the VM's.");
    public static final Rule MEM_SHARE_DESCRIPTOR = new Rule("XEN.FFA.MEM_SHARE.DESCRIPTOR", DOC,
            "ffa_shm.c read_mem_transaction",
            "The VM's descriptor is read in its negotiated version's layout: shorter than the header, an access"
                    + " array past the fragment, an access descriptor under 16 bytes, an access offset not 16-byte"
                    + " aligned, or a field too wide for Xen's copy (attributes, flags, access size or count over 255)"
                    + " is INVALID_PARAMETERS.");
    public static final Rule MEM_RECLAIM = new Rule("XEN.FFA.MEM_RECLAIM", DOC, "ffa_shm.c ffa_handle_mem_reclaim",
            "FFA_MEM_RECLAIM of a handle the VM did not share through the mediator is INVALID_PARAMETERS; otherwise it is"
                    + " passed to the SPMC with the VM's flags, and the handle stays the VM's unless the SPMC agrees.");
    public static final Rule MACHINE_ADDRESSES = new Rule("XEN.FFA.MEM_SHARE.MACHINE_ADDRESSES", DOC,
            "ffa_shm.c get_shm_pages, share_shm",
            "An SP retrieving a VM's share sees the VM's pages at machine addresses Xen chose (page_to_maddr), one"
                    + " range per run of contiguous machine pages: the VM cannot know them, so only their page alignment"
                    + " and count are predicted.");

    public static final Rule TEARDOWN = new Rule("XEN.FFA.TEARDOWN", DOC,
            "ffa.c ffa_domain_teardown, ffa_domain_teardown_continue; ffa_shm.c ffa_shm_domain_destroy",
            "When a VM is destroyed the mediator takes it off the VM list at once, drops its RX/TX pair, and reclaims"
                    + " each of its shares from the SPMC with flags 0: a share the SPMC refuses with DENIED (still"
                    + " retrieved) is tried again later (FFA_CTX_TEARDOWN_DELAY), any other refusal leaves its pages"
                    + " lent for good; the VM's context lives until every share is reclaimed or given up.");

    private MediatorRules() {
    }
}
