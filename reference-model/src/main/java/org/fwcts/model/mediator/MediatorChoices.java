package org.fwcts.model.mediator;

import org.fwcts.model.SpecVersion;

/**
 * The choices of one release of Xen's FF-A mediator (xen/arch/arm/tee/ffa*.c) that a guest can
 * observe, each checked against that release's source.
 *
 * @param release the Xen release, e.g. "4.22.0"
 * @param ownVersion the version FFA_VERSION answers (FFA_MY_VERSION in ffa_private.h: 1.2 in 4.22,
 *     1.1 in 4.20 and 4.21)
 * @param negotiationGated true when every call other than FFA_VERSION before a first FFA_VERSION
 *     is NOT_SUPPORTED and the first such call fixes the version for the domain's lifetime
 *     (4.22 ffa_negotiate_version); false when FFA_VERSION sets the version on every call with
 *     major 1 and nothing is gated (4.20, 4.21 handle_version)
 * @param vmToVmBuildable whether the release has CONFIG_FFA_VM_TO_VM (4.21 and 4.22; 4.20's
 *     Kconfig has no such option)
 * @param callerListedFromV12 true when a caller of v1.2 or later finds its own entry first among
 *     the VMs (4.22 ffa_get_vm_partinfo); false when the caller is never listed (4.21)
 * @param v10ReportsSize true when a v1.0 caller gets w3 = 8 (4.21 returns dst_size); false when it
 *     gets w3 = 0 (4.22: "Size should be 0 on count request and was not supported in 1.0")
 * @param vmsMatchUuid false when VMs are listed whatever UUID is asked for (4.21
 *     ffa_get_vm_partinfo ignores the UUID); true when only the nil UUID lists VMs (4.22)
 * @param featuresRejectsInputs true when FFA_FEATURES with any of w2..w7 non-zero is NOT_SUPPORTED
 *     (4.20, 4.21); false when they are ignored (4.22)
 * @param featuresTracksSpmc true when DIRECT_REQ, RUN, MEM_SHARE and DIRECT_REQ2 are reported only
 *     when the SPMC supports them (4.22); false when DIRECT_REQ_32/64, MSG_SEND2 and MEM_SHARE are
 *     always reported (4.20, 4.21)
 * @param mapChecksCountAndAlignment true when RXTX_MAP refuses a page count of 0 and unaligned
 *     addresses with INVALID_PARAMETERS (4.22); 4.21 checks only count > 1
 * @param unmapDeniedWhileRxOwned true when RXTX_UNMAP is DENIED while the guest owns its RX
 *     buffer (4.22 rxtx_unmap); 4.21 unmaps it
 * @param directReqRejectsSelf true when a direct request addressed to the caller itself is
 *     INVALID_PARAMETERS (4.22 ffa_handle_msg_send_direct_req); 4.21 checks only the sender
 * @param sharesFromOwnBuffer true when a VM's FFA_MEM_SHARE is rebuilt in Xen's own TX buffer as one
 *     fragment and unaligned ranges are INVALID_PARAMETERS (4.22 share_shm, get_shm_pages); 4.20 and
 *     4.21 pass the guest's lengths on and take an unaligned range's page, which the model does not follow
 */
public record MediatorChoices(String release, SpecVersion ownVersion, boolean negotiationGated,
        boolean vmToVmBuildable, boolean callerListedFromV12, boolean v10ReportsSize, boolean vmsMatchUuid,
        boolean featuresRejectsInputs, boolean featuresTracksSpmc, boolean mapChecksCountAndAlignment,
        boolean unmapDeniedWhileRxOwned, boolean directReqRejectsSelf, boolean sharesFromOwnBuffer) {

    /** Xen 4.22.0 (tag RELEASE-4.22.0). */
    public static final MediatorChoices XEN_4_22 = new MediatorChoices("4.22.0", SpecVersion.of(1, 2), true, true,
            true, false, true, false, true, true, true, true, true);

    /** Xen 4.21.0 (tag RELEASE-4.21.0). */
    public static final MediatorChoices XEN_4_21 = new MediatorChoices("4.21.0", SpecVersion.of(1, 1), false, true,
            false, true, false, true, false, false, false, false, false);

    /** Xen 4.20.0 (tag RELEASE-4.20.0): 4.21's guest ABI without VM-to-VM. */
    public static final MediatorChoices XEN_4_20 = new MediatorChoices("4.20.0", SpecVersion.of(1, 1), false, false,
            false, true, false, true, false, false, false, false, false);

    /** The source tag the choices were read at. */
    public String sourceTag() {
        return "RELEASE-" + release;
    }
}
