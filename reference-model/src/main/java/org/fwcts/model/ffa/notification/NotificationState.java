package org.fwcts.model.ffa.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.ffa.Topology;

/**
 * Notification bitmaps, bindings and pending notifications of every receiver the SPMC knows
 * (DEN0077A, "Notifications"). Immutable.
 *
 * <p>At boot every partition is a receiver, enabled when it supports notifications (partition
 * property bit 3, FF-A v1.1 or later), and so is VM 0 (the hypervisor, or the OS without one),
 * not yet enabled. Other VMs appear with FFA_NOTIFICATION_BITMAP_CREATE, each in the first free
 * slot, as Hafnium keeps them (src/ffa/spmc/vm.c, nwd_vms): INFO_GET lists VMs in slot order.
 *
 * @param receivers the state of each receiver
 * @param vmSlots VMs other than 0 in slot order, {@link EndpointId#INVALID} marking a free slot
 */
public record NotificationState(Map<EndpointId, ReceiverNotifications> receivers, List<EndpointId> vmSlots) {
    /** Framework notification "RX buffer full" raised by the SPMC (GET w6 bit 0). */
    public static final long RX_FULL_FROM_SPM = 1L;
    /** Framework notification "RX buffer full" raised by the hypervisor (GET w7 bit 0). */
    public static final long RX_FULL_FROM_HYPERVISOR = 1L << 32;

    private static final SpecVersion NOTIFICATIONS_SINCE = SpecVersion.of(1, 1);

    public NotificationState {
        receivers = Map.copyOf(receivers);
        vmSlots = List.copyOf(vmSlots);
    }

    public static NotificationState initial(Topology topology) {
        Map<EndpointId, ReceiverNotifications> receivers = new HashMap<>();
        for (Partition partition : topology.partitions()) {
            receivers.put(partition.id(), ReceiverNotifications.of(supportsNotifications(partition),
                    partition.executionContextCount()));
        }
        receivers.put(EndpointId.HYPERVISOR,
                ReceiverNotifications.of(false, ReceiverNotifications.VCPU_COUNT_UNKNOWN));
        return new NotificationState(receivers, List.of());
    }

    /** Partition property bit 3 on a partition of FF-A v1.1 or later. */
    public static boolean supportsNotifications(Partition partition) {
        return partition.has(Partition.RECEIVES_NOTIFICATIONS)
                && partition.ffaVersion().compareTo(NOTIFICATIONS_SINCE) >= 0;
    }

    public Optional<ReceiverNotifications> receiver(EndpointId id) {
        return Optional.ofNullable(receivers.get(id));
    }

    /** This state with {@code id} as {@code receiver}; a new VM takes the first free slot. */
    public NotificationState with(EndpointId id, ReceiverNotifications receiver) {
        Map<EndpointId, ReceiverNotifications> changed = new HashMap<>(receivers);
        List<EndpointId> slots = vmSlots;
        if (changed.put(id, receiver) == null && !id.isSecure()) {
            slots = new ArrayList<>(vmSlots);
            int free = slots.indexOf(EndpointId.INVALID);
            if (free < 0) {
                slots.add(id);
            } else {
                slots.set(free, id);
            }
        }
        return new NotificationState(changed, slots);
    }

    /** This state without VM {@code id}, its slot freed. */
    public NotificationState withoutVm(EndpointId id) {
        Map<EndpointId, ReceiverNotifications> changed = new HashMap<>(receivers);
        changed.remove(id);
        List<EndpointId> slots = new ArrayList<>(vmSlots);
        int slot = slots.indexOf(id);
        if (slot >= 0) {
            slots.set(slot, EndpointId.INVALID);
        }
        return new NotificationState(changed, slots);
    }

    /**
     * Raises framework notifications for {@code receiver}, e.g. {@link #RX_FULL_FROM_SPM} when
     * FFA_MSG_SEND2 delivers a message to it (DEN0077A, "FFA_MSG_SEND2"). Whether a receiver
     * gets them at all is the caller's decision.
     */
    public NotificationState raiseFramework(EndpointId receiver, long bits) {
        ReceiverNotifications current = receivers.getOrDefault(receiver,
                ReceiverNotifications.of(false, ReceiverNotifications.VCPU_COUNT_UNKNOWN));
        return with(receiver, current.withPending(current.pending().plusFramework(bits)));
    }

    /**
     * Makes {@code ids} from {@code sender} pending for {@code receiver} without a call, as an
     * SPMC signals its own notifications (OP-TEE's notif_send_async). The receiver must exist.
     */
    public NotificationState raise(EndpointId receiver, EndpointId sender, long ids) {
        ReceiverNotifications current = receivers.get(receiver);
        if (current == null) {
            throw new IllegalArgumentException("no notification receiver " + receiver);
        }
        return with(receiver, current.withPending(current.pending().plus(!sender.isSecure(), ids)));
    }

    /** The receivers in the order INFO_GET lists them: partitions, VM 0, then VMs by slot. */
    public List<EndpointId> listingOrder(Topology topology) {
        List<EndpointId> order = new ArrayList<>(topology.partitions().size() + 1 + vmSlots.size());
        for (Partition partition : topology.partitions()) {
            order.add(partition.id());
        }
        order.add(EndpointId.HYPERVISOR);
        for (EndpointId vm : vmSlots) {
            if (!vm.equals(EndpointId.INVALID)) {
                order.add(vm);
            }
        }
        return order;
    }
}
