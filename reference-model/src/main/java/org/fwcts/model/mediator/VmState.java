package org.fwcts.model.mediator;

import java.util.Optional;

/**
 * What the mediator keeps for one VM.
 *
 * @param pendingVersion the version the VM asked for and has not fixed yet (guest_vers_tmp, 4.22); 0 for none
 * @param agreedVersion the version in force (guest_vers); 0 until fixed
 * @param mailbox the VM's RX/TX buffers, once mapped
 */
public record VmState(int pendingVersion, int agreedVersion, Optional<VmMailbox> mailbox) {
    public static final VmState FRESH = new VmState(0, 0, Optional.empty());

    public VmState withPending(int version) {
        return new VmState(version, agreedVersion, mailbox);
    }

    public VmState withAgreed(int version) {
        return new VmState(pendingVersion, version, mailbox);
    }

    public VmState withMailbox(Optional<VmMailbox> changed) {
        return new VmState(pendingVersion, agreedVersion, changed);
    }

    public boolean agreed() {
        return agreedVersion != 0;
    }
}
