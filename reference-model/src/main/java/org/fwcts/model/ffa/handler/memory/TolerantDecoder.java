package org.fwcts.model.ffa.handler.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fwcts.model.Rule;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.CompositeRegion;
import org.fwcts.model.ffa.memory.Decoded;
import org.fwcts.model.ffa.memory.DescriptorRules;
import org.fwcts.model.ffa.memory.EndpointAccess;
import org.fwcts.model.ffa.memory.MemoryAttributes;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.model.ffa.memory.TransactionDescriptorDecoder;

/**
 * Reads a memory transaction descriptor as an implementation that skips some of the structural
 * checks does: a fault under a tolerated rule is repaired in a copy (reserved bytes cleared,
 * unchecked constituents or composite set aside) and decoding goes on, and the values the
 * implementation keeps (raw attributes, permissions, constituents) are restored afterwards.
 *
 * <p>A valid descriptor costs one strict decode; repairs happen only for descriptors an
 * implementation accepts although the specification does not.
 */
final class TolerantDecoder {
    private static final int MAX_REPAIRS = 16;
    private static final SpecVersion V1_2 = SpecVersion.of(1, 2);

    /**
     * The outcome: a descriptor or the first fault the implementation does check, or why the
     * model cannot follow the implementation's reading.
     */
    record Reading(Decoded<MemoryTransaction> decoded, Optional<String> beyondModel) {
        static Reading of(Decoded<MemoryTransaction> decoded) {
            return new Reading(decoded, Optional.empty());
        }
    }

    private final byte[] original;
    private byte[] work;
    private int length;
    private SpecVersion version;
    private boolean restorePermissions;
    private boolean restoreAttributes;
    private boolean restoreRegion;
    private boolean checkedAnyway;

    private TolerantDecoder(byte[] bytes, int length, SpecVersion version) {
        this.original = bytes;
        this.work = bytes;
        this.length = length;
        this.version = version;
    }

    /** Decodes the first {@code length} bytes of {@code bytes} from a caller of {@code version}. */
    static Reading read(byte[] bytes, int length, SpecVersion version, Set<Rule> tolerated) {
        return new TolerantDecoder(bytes, length, version).read(tolerated);
    }

    private Reading read(Set<Rule> tolerated) {
        for (int attempt = 0; attempt < MAX_REPAIRS; attempt++) {
            Decoded<MemoryTransaction> decoded = TransactionDescriptorDecoder.decode(work, length, version);
            if (decoded instanceof Decoded.Valid<MemoryTransaction> valid) {
                return attempt == 0 ? Reading.of(decoded) : Reading.of(restore(valid.value(), tolerated));
            }
            Decoded.Malformed<MemoryTransaction> fault = (Decoded.Malformed<MemoryTransaction>) decoded;
            if (!tolerated.contains(fault.rule())) {
                return Reading.of(decoded);
            }
            if (work == original) {
                work = original.clone();
            }
            if (!repair(fault.rule())) {
                if (checkedAnyway) {
                    return Reading.of(decoded);
                }
                return new Reading(decoded, Optional.of("the implementation does not check " + fault.describe()
                        + ", and the model cannot follow its reading of such a descriptor"));
            }
        }
        return new Reading(TransactionDescriptorDecoder.decode(work, length, version),
                Optional.of("too many tolerated faults to follow"));
    }

    private boolean repair(Rule rule) {
        DescriptorGeometry at = DescriptorGeometry.of(work, length, version);
        if (rule == DescriptorRules.HEADER_RESERVED) {
            return at.clearHeaderReserved(work);
        } else if (rule == DescriptorRules.ATTRIBUTES_RESERVED) {
            restoreAttributes = true;
            return at.clearAttributeReserved(work);
        } else if (rule == DescriptorRules.EMAD_RESERVED) {
            return at.clearEmadReserved(work);
        } else if (rule == DescriptorRules.PERMISSIONS_RESERVED) {
            restorePermissions = true;
            return at.clearPermissions(work);
        } else if (rule == DescriptorRules.COMPOSITE_RESERVED) {
            return at.clearCompositeReserved(work);
        } else if (rule == DescriptorRules.CONSTITUENT_RESERVED) {
            return at.clearConstituentReserved(work);
        } else if (rule == DescriptorRules.CONSTITUENT_ALIGNMENT || rule == DescriptorRules.CONSTITUENT_EMPTY
                || rule == DescriptorRules.CONSTITUENT_OVERLAP) {
            restoreRegion = true;
            return at.replaceConstituents(work);
        } else if (rule == DescriptorRules.EMAD_SIZE) {
            return emadSize(at.emadSize());
        }
        return dropRegion(at, rule);
    }

    /**
     * An implementation that does not tie the EMAD size to the caller's version still wants a whole
     * number of 16-byte units (TF-A spmc_validate_mtd_start); the model follows only 32-byte EMADs.
     */
    private boolean emadSize(long size) {
        if (size < 16 || size % 16 != 0) {
            checkedAnyway = true;
            return false;
        }
        if (size == 32 && !version.atLeast(1, 2)) {
            version = V1_2;
            return true;
        }
        return false;
    }

    /** For requests: a relayer that ignores the region reads only up to the EMAD array. */
    private boolean dropRegion(DescriptorGeometry at, Rule rule) {
        boolean regionFault = rule == DescriptorRules.LENGTH_WITHOUT_COMPOSITE
                || rule == DescriptorRules.LENGTH_ALIGNMENT || rule == DescriptorRules.COMPOSITE_OFFSET_EQUAL
                || rule == DescriptorRules.COMPOSITE_OFFSET_ALIGNMENT || rule == DescriptorRules.COMPOSITE_OFFSET_PLACEMENT
                || rule == DescriptorRules.COMPOSITE_BOUNDS || rule == DescriptorRules.CONSTITUENT_COUNT;
        if (!regionFault || at.emadEnd() > length || at.emadEnd() % 16 != 0) {
            return false;
        }
        at.clearCompositeOffsets(work);
        length = (int) at.emadEnd();
        return true;
    }

    private Decoded<MemoryTransaction> restore(MemoryTransaction repaired, Set<Rule> tolerated) {
        DescriptorGeometry at = DescriptorGeometry.of(original, length, version);
        MemoryTransaction restored = repaired;
        if (restoreAttributes) {
            restored = new MemoryTransaction(restored.sender(), MemoryAttributes.of(at.rawAttributes(original)),
                    restored.flags(), restored.handle(), restored.tag(), restored.receivers(), restored.region(),
                    restored.layout());
        }
        if (restorePermissions) {
            List<EndpointAccess> receivers = new ArrayList<>();
            for (int i = 0; i < restored.receivers().size(); i++) {
                receivers.add(restored.receivers().get(i).withPermissions(
                        AccessPermissions.decode(at.rawPermissions(original, i))));
            }
            restored = restored.withReceivers(receivers);
        }
        if (restoreRegion && restored.region().isPresent()) {
            CompositeRegion region = at.rawRegion(original);
            if (!region.isTotalConsistent() && !tolerated.contains(DescriptorRules.TOTAL_PAGE_COUNT)) {
                return Decoded.invalid(DescriptorRules.TOTAL_PAGE_COUNT, "composite.totalPageCount",
                        "total " + region.totalPageCount() + " but the constituents add up to "
                                + region.constituentPageSum());
            }
            restored = restored.withRegion(Optional.of(region));
        }
        return Decoded.valid(restored);
    }
}
