package org.fwcts.model.ffa.handler.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointState;
import org.fwcts.model.ffa.discovery.DiscoveryChoices;
import org.fwcts.model.ffa.discovery.DiscoveryRules;
import org.fwcts.model.ffa.discovery.PartitionInfoDescriptor;
import org.fwcts.model.ffa.discovery.PartitionInfoLayout;
import org.fwcts.model.ffa.discovery.PartitionInfoRx;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.Mailbox;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.ffa.Uuid;

/** FFA_PARTITION_INFO_GET (DEN0077A, "FFA_PARTITION_INFO_GET"). */
final class PartitionInfoHandler implements FfaHandler {
    private static final int COUNT_ONLY = 1;

    @Override
    public FfaOutcome handle(FfaContext context) {
        DiscoveryChoices choices = context.profile().discovery();
        SpecVersion caller = context.callerVersion();
        boolean flagsDefined = caller.atLeast(1, 1);
        int flags = context.call().w(5);
        int reserved = flagsDefined ? flags & ~COUNT_ONLY : flags;
        if (reserved != 0 && choices.reservedFlagsError().isPresent()) {
            return context.error(choices.reservedFlagsError().get(), DiscoveryRules.INFO_FLAGS_MBZ,
                    "reserved flags 0x" + Integer.toHexString(reserved) + " set");
        }
        Uuid uuid = Uuid.fromRegisterWords(context.call().w(1), context.call().w(2), context.call().w(3),
                context.call().w(4));
        List<PartitionInfoDescriptor> matching = describe(context, uuid, choices, caller, layoutFor(choices, caller));
        if (matching.isEmpty()) {
            return context.error(FfaError.INVALID_PARAMETERS, DiscoveryRules.INFO_UUID, "no partition serves " + uuid);
        }
        if (flagsDefined && (flags & COUNT_ONLY) != 0) {
            return context.outcome(context.results().success(DiscoveryRules.INFO_COUNT_ONLY)
                            .value(2, matching.size(), DiscoveryRules.INFO_COUNT_ONLY)
                            .value(3, 0, DiscoveryRules.INFO_COUNT_ONLY),
                    "FFA_PARTITION_INFO_GET counts " + matching.size() + " partition(s)", context.state());
        }
        return deliver(context, choices, caller, matching, uuid.isNil());
    }

    private static FfaOutcome deliver(FfaContext context, DiscoveryChoices choices, SpecVersion caller,
            List<PartitionInfoDescriptor> matching, boolean all) {
        EndpointState endpoint = context.callerState();
        Optional<Mailbox> mailbox = endpoint.mailbox();
        if (mailbox.isEmpty()) {
            return context.error(choices.rxNotMapped(), DiscoveryRules.INFO_RX_UNAVAILABLE, "the caller has no RX buffer");
        }
        if (mailbox.get().rxFull()) {
            return context.error(choices.rxFull(), DiscoveryRules.INFO_RX_UNAVAILABLE, "the caller still owns its RX buffer");
        }
        boolean v10 = !caller.atLeast(1, 1);
        PartitionInfoLayout layout = layoutFor(choices, caller);
        if ((long) matching.size() * layout.size() > mailbox.get().sizeBytes()) {
            return context.error(FfaError.NO_MEMORY, DiscoveryRules.INFO_ALL, "the descriptors do not fit the RX buffer");
        }
        int reportedSize = v10 ? choices.v10DescriptorSizeReported() : layout.size();
        PartitionInfoRx rx = new PartitionInfoRx(matching, layout);
        return context.outcome(context.results().success(all ? DiscoveryRules.INFO_ALL : DiscoveryRules.INFO_UUID)
                        .value(2, matching.size(), all ? DiscoveryRules.INFO_ALL : DiscoveryRules.INFO_UUID)
                        .value(3, reportedSize, v10 ? DiscoveryRules.INFO_V1_0_LAYOUT : DiscoveryRules.INFO_ALL),
                "FFA_PARTITION_INFO_GET writes " + rx.describe(),
                context.state().withEndpoint(context.caller(), endpoint.withMailbox(Optional.of(mailbox.get().deliver(rx)))),
                rx);
    }

    /** The layout written for {@code caller}: 8 bytes for v1.0, the profile's size from v1.1. */
    static PartitionInfoLayout layoutFor(DiscoveryChoices choices, SpecVersion caller) {
        return caller.atLeast(1, 1) ? PartitionInfoLayout.forSize(choices.descriptorSizeV11()).orElseThrow()
                : PartitionInfoLayout.V1_0;
    }

    /** One descriptor per matching partition (per UUID with the nil UUID, where the profile says so). */
    static List<PartitionInfoDescriptor> describe(FfaContext context, Uuid query, DiscoveryChoices choices,
            SpecVersion caller, PartitionInfoLayout layout) {
        boolean everyUuid = choices.descriptorsPerUuid() == DiscoveryChoices.DescriptorsPerUuid.EVERY_CALLER
                || caller.atLeast(1, 2);
        List<PartitionInfoDescriptor> found = new ArrayList<>();
        for (Partition partition : context.topology().partitions()) {
            if (query.isNil()) {
                List<Uuid> uuids = everyUuid ? partition.uuids() : partition.uuids().subList(0, 1);
                for (Uuid uuid : uuids) {
                    found.add(descriptor(partition, layout, Optional.of(uuid)));
                }
            } else if (partition.serves(query)) {
                found.add(descriptor(partition, layout, Optional.of(Uuid.NIL)));
            }
        }
        return found;
    }

    private static PartitionInfoDescriptor descriptor(Partition partition, PartitionInfoLayout layout,
            Optional<Uuid> uuid) {
        if (!layout.hasProtocolUuid()) {
            return PartitionInfoDescriptor.of(partition.id(), partition.executionContextCount(),
                    partition.properties() & Partition.V1_0_PROPERTIES);
        }
        // The image UUID of a 48-byte descriptor is the partition's own business: not predicted.
        Optional<SpecVersion> version = layout.hasImageFields() ? Optional.of(partition.ffaVersion()) : Optional.empty();
        return new PartitionInfoDescriptor(partition.id(), partition.executionContextCount(), partition.properties(),
                uuid, Optional.empty(), version);
    }
}
