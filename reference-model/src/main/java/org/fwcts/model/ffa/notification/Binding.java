package org.fwcts.model.ffa.notification;

import org.fwcts.model.ffa.EndpointId;

/**
 * The notification IDs a receiver bound to one sender (DEN0077A, "FFA_NOTIFICATION_BIND"). Only
 * global notifications exist in the model, so a binding has no per-vCPU flag.
 *
 * @param sender the endpoint allowed to signal these IDs
 * @param ids bit n set when notification ID n is bound to {@code sender}
 */
public record Binding(EndpointId sender, long ids) {

    /** True when the sender is a VM (bit 15 clear), whose notifications the receiver gets in its VM bitmap. */
    public boolean vmSender() {
        return !sender.isSecure();
    }
}
