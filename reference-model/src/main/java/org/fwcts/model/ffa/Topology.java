package org.fwcts.model.ffa;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The endpoints of one system and the memory each owns at boot: the deployment, as opposed to
 * the implementation's choices in {@code SpmcProfile}.
 *
 * @param normalWorld normal-world endpoint IDs; the first is the one the harness's normal-world
 *     agent calls as (0 when no hypervisor runs)
 * @param partitions the secure partitions, in the order the SPMC reports them
 * @param ownedMemory memory each endpoint owns exclusively at boot, with its access
 * @param enforced endpoints whose memory access the hardware enforces as the model's access map
 *     says (a stage-2 translation the SPMC or hypervisor controls); for the others the map is what
 *     the spec grants, and a real access may succeed beyond it without breaking a rule
 */
public record Topology(List<EndpointId> normalWorld, List<Partition> partitions, List<OwnedRange> ownedMemory,
        Set<EndpointId> enforced) {
    public Topology {
        normalWorld = List.copyOf(normalWorld);
        partitions = List.copyOf(partitions);
        ownedMemory = List.copyOf(ownedMemory);
        enforced = Set.copyOf(enforced);
        if (normalWorld.isEmpty()) {
            throw new IllegalArgumentException("a topology needs at least one normal-world endpoint");
        }
    }

    /** The endpoint the normal-world agent calls as. */
    public EndpointId primaryNormalWorld() {
        return normalWorld.get(0);
    }

    public Optional<Partition> partition(EndpointId id) {
        for (Partition partition : partitions) {
            if (partition.id().equals(id)) {
                return Optional.of(partition);
            }
        }
        return Optional.empty();
    }

    /** True for any endpoint of this system, normal or secure. */
    public boolean knows(EndpointId id) {
        return normalWorld.contains(id) || partition(id).isPresent();
    }

    /** A topology where no endpoint's access is enforced by hardware the model knows of. */
    public Topology(List<EndpointId> normalWorld, List<Partition> partitions, List<OwnedRange> ownedMemory) {
        this(normalWorld, partitions, ownedMemory, Set.of());
    }

    public boolean isEnforced(EndpointId endpoint) {
        return enforced.contains(endpoint);
    }

    public Topology withOwnedMemory(List<OwnedRange> ranges) {
        return new Topology(normalWorld, partitions, ranges, enforced);
    }
}
