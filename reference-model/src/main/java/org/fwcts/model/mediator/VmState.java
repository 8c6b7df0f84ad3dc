package org.fwcts.model.mediator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the mediator keeps for one VM.
 *
 * @param pendingVersion the version the VM asked for and has not fixed yet (guest_vers_tmp, 4.22); 0 for none
 * @param agreedVersion the version in force (guest_vers); 0 until fixed
 * @param mailbox the VM's RX/TX buffers, once mapped
 * @param shares the handles of the VM's memory shares the mediator holds (ctx->shm_list), in the order added
 */
public record VmState(int pendingVersion, int agreedVersion, Optional<VmMailbox> mailbox, List<Long> shares) {
    public static final VmState FRESH = new VmState(0, 0, Optional.empty(), List.of());

    public VmState {
        shares = List.copyOf(shares);
    }

    public VmState withPending(int version) {
        return new VmState(version, agreedVersion, mailbox, shares);
    }

    public VmState withAgreed(int version) {
        return new VmState(pendingVersion, version, mailbox, shares);
    }

    public VmState withMailbox(Optional<VmMailbox> changed) {
        return new VmState(pendingVersion, agreedVersion, changed, shares);
    }

    /** The share {@code handle} joins the end of the VM's list (list_add_tail). */
    public VmState withShare(long handle) {
        List<Long> changed = new ArrayList<>(shares);
        changed.add(handle);
        return new VmState(pendingVersion, agreedVersion, mailbox, changed);
    }

    public VmState withoutShare(long handle) {
        List<Long> changed = new ArrayList<>(shares);
        changed.remove(Long.valueOf(handle));
        return new VmState(pendingVersion, agreedVersion, mailbox, changed);
    }

    public boolean agreed() {
        return agreedVersion != 0;
    }
}
