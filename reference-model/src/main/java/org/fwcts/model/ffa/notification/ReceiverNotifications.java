package org.fwcts.model.ffa.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;

/**
 * What the SPMC holds for one notification receiver: whether it takes notifications, its vCPU
 * count, its bindings, and what is pending (DEN0077A, "Notifications").
 *
 * @param enabled true for a partition that supports notifications or a VM whose bitmap was created
 * @param vcpuCount the receiver's vCPU count, or {@link #VCPU_COUNT_UNKNOWN}
 * @param bindings the bound IDs per sender, at most one entry per sender
 * @param pending notifications signalled and not yet retrieved with FFA_NOTIFICATION_GET
 * @param reported the pending notifications FFA_NOTIFICATION_INFO_GET already listed, for
 *     implementations that list each only once
 */
public record ReceiverNotifications(boolean enabled, int vcpuCount, List<Binding> bindings,
        NotificationBitmaps pending, NotificationBitmaps reported) {

    /** The hypervisor's or OS's vCPU count: one per PE, which the model does not know. */
    public static final int VCPU_COUNT_UNKNOWN = 0;

    public ReceiverNotifications {
        bindings = List.copyOf(bindings);
    }

    public static ReceiverNotifications of(boolean enabled, int vcpuCount) {
        return new ReceiverNotifications(enabled, vcpuCount, List.of(), NotificationBitmaps.NONE,
                NotificationBitmaps.NONE);
    }

    /** The IDs bound to {@code sender}. */
    public long boundTo(EndpointId sender) {
        for (Binding binding : bindings) {
            if (binding.sender().equals(sender)) {
                return binding.ids();
            }
        }
        return 0;
    }

    /** The IDs bound to any sender of one world (VMs, or partitions). */
    public long boundInWorld(boolean vmSenders) {
        long ids = 0;
        for (Binding binding : bindings) {
            if (binding.vmSender() == vmSenders) {
                ids |= binding.ids();
            }
        }
        return ids;
    }

    /** The IDs bound to any sender. */
    public long boundToAny() {
        long ids = 0;
        for (Binding binding : bindings) {
            ids |= binding.ids();
        }
        return ids;
    }

    /** The sender that notification {@code id} is bound to among senders of one world. */
    public Optional<EndpointId> senderOf(int id, boolean vmSenders) {
        for (Binding binding : bindings) {
            if (binding.vmSender() == vmSenders && (binding.ids() & (1L << id)) != 0) {
                return Optional.of(binding.sender());
            }
        }
        return Optional.empty();
    }

    /** These bindings plus {@code ids} bound to {@code sender}. */
    public ReceiverNotifications bind(EndpointId sender, long ids) {
        List<Binding> changed = new ArrayList<>(bindings.size() + 1);
        long merged = ids;
        for (Binding binding : bindings) {
            if (binding.sender().equals(sender)) {
                merged |= binding.ids();
            } else {
                changed.add(binding);
            }
        }
        if (merged != 0) {
            changed.add(new Binding(sender, merged));
        }
        return withBindings(changed);
    }

    /** These bindings without {@code ids} bound to {@code sender}. */
    public ReceiverNotifications unbind(EndpointId sender, long ids) {
        return without(sender, ids);
    }

    /** These bindings without {@code ids}, whoever they are bound to. */
    public ReceiverNotifications unbindFromAll(long ids) {
        return without(null, ids);
    }

    public ReceiverNotifications withEnabled(boolean newEnabled, int newVcpuCount) {
        return new ReceiverNotifications(newEnabled, newVcpuCount, bindings, pending, reported);
    }

    public ReceiverNotifications withPending(NotificationBitmaps newPending) {
        return new ReceiverNotifications(enabled, vcpuCount, bindings, newPending, reported);
    }

    public ReceiverNotifications withReported(NotificationBitmaps newReported) {
        return new ReceiverNotifications(enabled, vcpuCount, bindings, pending, newReported);
    }

    /** Pending notifications INFO_GET has not yet listed. */
    public NotificationBitmaps unreported() {
        return pending.minus(reported);
    }

    private ReceiverNotifications without(EndpointId onlySender, long ids) {
        List<Binding> changed = new ArrayList<>(bindings.size());
        for (Binding binding : bindings) {
            boolean affected = onlySender == null || binding.sender().equals(onlySender);
            long left = affected ? binding.ids() & ~ids : binding.ids();
            if (left != 0) {
                changed.add(new Binding(binding.sender(), left));
            }
        }
        return withBindings(changed);
    }

    private ReceiverNotifications withBindings(List<Binding> newBindings) {
        return new ReceiverNotifications(enabled, vcpuCount, newBindings, pending, reported);
    }
}
