package org.fwcts.model.ffa.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;

/**
 * A memory transaction descriptor, the body of DONATE/LEND/SHARE, RETRIEVE_REQ and RETRIEVE_RESP
 * (DEN0077A, "Lend, donate or share memory transaction descriptor"; ffa-memory.md §2).
 *
 * <p>A send carries a region; a retrieve request normally has none (every composite offset 0); a
 * retrieve response carries the region again. Which is required is the caller's business: the codec
 * accepts both shapes.
 *
 * @param sender the owner's endpoint ID
 * @param attributes memory region attributes
 * @param flags the transaction flags word
 * @param handle the memory handle (0 on send)
 * @param tag the implementation-defined tag a retriever must repeat
 * @param receivers the EMADs, in descriptor order; at least one
 * @param region the composite region, absent when every EMAD's composite offset is 0
 * @param layout the layout the descriptor was read with, or is meant to be written with
 */
public record MemoryTransaction(EndpointId sender, MemoryAttributes attributes, TransactionFlags flags, long handle,
        long tag, List<EndpointAccess> receivers, Optional<CompositeRegion> region, DescriptorLayout layout) {

    public MemoryTransaction {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(flags, "flags");
        receivers = List.copyOf(Objects.requireNonNull(receivers, "receivers"));
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(layout, "layout");
    }

    public static Builder builder(EndpointId sender) {
        return new Builder(sender);
    }

    /** The EMAD for {@code receiver}, if it is one. */
    public Optional<EndpointAccess> receiver(EndpointId receiver) {
        for (EndpointAccess access : receivers) {
            if (access.receiver().equals(receiver)) {
                return Optional.of(access);
            }
        }
        return Optional.empty();
    }

    public MemoryTransaction withLayout(DescriptorLayout newLayout) {
        return new MemoryTransaction(sender, attributes, flags, handle, tag, receivers, region, newLayout);
    }

    public MemoryTransaction withHandle(long newHandle) {
        return new MemoryTransaction(sender, attributes, flags, newHandle, tag, receivers, region, layout);
    }

    public MemoryTransaction withFlags(TransactionFlags newFlags) {
        return new MemoryTransaction(sender, attributes, newFlags, handle, tag, receivers, region, layout);
    }

    /** As stored once a send completes: its flags and the handle the SPMC chose, in one copy. */
    public MemoryTransaction withFlagsAndHandle(TransactionFlags newFlags, long newHandle) {
        return new MemoryTransaction(sender, attributes, newFlags, newHandle, tag, receivers, region, layout);
    }

    public MemoryTransaction withReceivers(List<EndpointAccess> newReceivers) {
        return new MemoryTransaction(sender, attributes, flags, handle, tag, newReceivers, region, layout);
    }

    public MemoryTransaction withRegion(Optional<CompositeRegion> newRegion) {
        return new MemoryTransaction(sender, attributes, flags, handle, tag, receivers, newRegion, layout);
    }

    /**
     * This transaction as the encoder writes it in {@code newLayout}: layout set, every EMAD's composite
     * offset set to where the region goes (0 without a region), and impdef values dropped when the layout
     * has no room for them. {@code decode(encode(t, layout))} yields exactly this.
     */
    public MemoryTransaction placed(DescriptorLayout newLayout) {
        long offset = region.isPresent() ? newLayout.compositeOffset(receivers.size()) : 0;
        EndpointAccess[] placedReceivers = new EndpointAccess[receivers.size()];
        for (int i = 0; i < placedReceivers.length; i++) {
            EndpointAccess access = receivers.get(i);
            placedReceivers[i] = new EndpointAccess(access.receiver(), access.permissions(), access.flags(), offset,
                    newLayout.hasImpdef() ? access.impdef() : EndpointAccess.Impdef.ZERO);
        }
        return new MemoryTransaction(sender, attributes, flags, handle, tag, List.of(placedReceivers), region, newLayout);
    }

    /** Builds a transaction; defaults are handle 0, tag 0, no flags, unspecified attributes, layout v1.2. */
    public static final class Builder {
        private final EndpointId sender;
        private MemoryAttributes attributes = MemoryAttributes.NOT_SPECIFIED;
        private TransactionFlags flags = TransactionFlags.NONE;
        private long handle;
        private long tag;
        private final List<EndpointAccess> receivers = new ArrayList<>();
        private CompositeRegion region;
        private DescriptorLayout layout = DescriptorLayout.V1_2;

        private Builder(EndpointId sender) {
            this.sender = Objects.requireNonNull(sender, "sender");
        }

        public Builder attributes(MemoryAttributes value) {
            attributes = value;
            return this;
        }

        public Builder flags(TransactionFlags value) {
            flags = value;
            return this;
        }

        public Builder handle(long value) {
            handle = value;
            return this;
        }

        public Builder tag(long value) {
            tag = value;
            return this;
        }

        public Builder receiver(EndpointAccess access) {
            receivers.add(access);
            return this;
        }

        public Builder receiver(EndpointId receiver, AccessPermissions permissions) {
            return receiver(EndpointAccess.of(receiver, permissions));
        }

        public Builder region(CompositeRegion value) {
            region = value;
            return this;
        }

        public Builder region(Constituent... constituents) {
            return region(CompositeRegion.of(constituents));
        }

        public Builder layout(DescriptorLayout value) {
            layout = value;
            return this;
        }

        public MemoryTransaction build() {
            return new MemoryTransaction(sender, attributes, flags, handle, tag, receivers,
                    Optional.ofNullable(region), layout);
        }
    }
}
