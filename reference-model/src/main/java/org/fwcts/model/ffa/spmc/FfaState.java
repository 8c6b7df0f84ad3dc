package org.fwcts.model.ffa.spmc;

import java.util.HashMap;
import java.util.Map;
import org.fwcts.model.ImmutableMaps;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.EndpointState;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.ffa.VersionNegotiation;
import org.fwcts.model.ffa.memory.MemoryState;
import org.fwcts.model.ffa.messaging.MessagingState;
import org.fwcts.model.ffa.notification.NotificationState;

/**
 * Everything the SPMC model carries from one call to the next within a boot. Immutable: every
 * change returns a new state.
 *
 * @param endpoints per-endpoint version negotiation and RX/TX buffers; an endpoint not in the
 *     map is in its fresh-boot state
 * @param memory memory transactions and every endpoint's access to the pages they cover
 * @param messaging the run state of each partition's execution contexts
 * @param notifications notification bitmaps, bindings and pending notifications
 */
public record FfaState(Map<EndpointId, EndpointState> endpoints, MemoryState memory, MessagingState messaging,
        NotificationState notifications) {

    public FfaState {
        endpoints = ImmutableMaps.copyOf(endpoints);
    }

    /**
     * The state right after boot for {@code topology}. A partition's version is the one its
     * manifest declares, and its negotiation is closed: it has made its initialisation calls
     * (FFA_ID_GET and the like) and waits in FFA_MSG_WAIT.
     */
    public static FfaState freshBoot(Topology topology) {
        Map<EndpointId, EndpointState> endpoints = new HashMap<>();
        for (Partition partition : topology.partitions()) {
            VersionNegotiation manifest = new VersionNegotiation(java.util.Optional.of(partition.ffaVersion()), true);
            endpoints.put(partition.id(), EndpointState.FRESH.withVersion(manifest));
        }
        return new FfaState(endpoints, MemoryState.initial(topology), MessagingState.initial(topology),
                NotificationState.initial(topology));
    }

    public EndpointState endpoint(EndpointId id) {
        return endpoints.getOrDefault(id, EndpointState.FRESH);
    }

    public FfaState withEndpoint(EndpointId id, EndpointState state) {
        return new FfaState(ImmutableMaps.with(endpoints, id, state), memory, messaging, notifications);
    }

    public FfaState withMemory(MemoryState newMemory) {
        return new FfaState(endpoints, newMemory, messaging, notifications);
    }

    public FfaState withMessaging(MessagingState newMessaging) {
        return new FfaState(endpoints, memory, newMessaging, notifications);
    }

    public FfaState withNotifications(NotificationState newNotifications) {
        return new FfaState(endpoints, memory, messaging, newNotifications);
    }
}
