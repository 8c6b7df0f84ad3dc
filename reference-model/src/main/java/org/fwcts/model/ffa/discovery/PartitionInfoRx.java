package org.fwcts.model.ffa.discovery;

import java.util.ArrayList;
import java.util.List;
import org.fwcts.model.ffa.RxContents;
import org.fwcts.model.ffa.memory.Decoded;

/**
 * Partition information descriptors in the caller's RX buffer, as FFA_PARTITION_INFO_GET writes
 * them. Fields a prediction leaves empty (e.g. the image UUID of a 48-byte descriptor, which the
 * model does not know) are not compared.
 */
public record PartitionInfoRx(List<PartitionInfoDescriptor> descriptors, PartitionInfoLayout layout)
        implements RxContents {

    public PartitionInfoRx {
        descriptors = List.copyOf(descriptors);
    }

    @Override
    public byte[] encode() {
        return PartitionInfoDescriptor.encodeList(descriptors, layout);
    }

    @Override
    public List<String> differences(byte[] observedRx) {
        Decoded<List<PartitionInfoDescriptor>> decoded =
                PartitionInfoDescriptor.decodeList(observedRx, descriptors.size(), layout.size());
        if (decoded instanceof Decoded.Malformed<List<PartitionInfoDescriptor>> malformed) {
            return List.of("RX " + malformed.field() + ": " + malformed.problem() + " [" + malformed.rule().id() + "]");
        }
        List<PartitionInfoDescriptor> observed = decoded.orElseThrow();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < descriptors.size(); i++) {
            compare(i, descriptors.get(i), observed.get(i), found);
        }
        return found;
    }

    private static void compare(int index, PartitionInfoDescriptor expected, PartitionInfoDescriptor seen,
            List<String> found) {
        String at = "RX descriptor[" + index + "].";
        note(found, at + "id", expected.id(), seen.id());
        note(found, at + "executionContextCount", expected.executionContextCount(), seen.executionContextCount());
        note(found, at + "properties", "0x" + Integer.toHexString(expected.properties()),
                "0x" + Integer.toHexString(seen.properties()));
        expected.protocolUuid().ifPresent(uuid -> note(found, at + "protocolUuid", uuid, seen.protocolUuid().orElse(null)));
        expected.imageUuid().ifPresent(uuid -> note(found, at + "imageUuid", uuid, seen.imageUuid().orElse(null)));
        expected.partitionVersion().ifPresent(v -> note(found, at + "partitionVersion", v,
                seen.partitionVersion().orElse(null)));
    }

    private static void note(List<String> found, String field, Object expected, Object seen) {
        if (!expected.equals(seen)) {
            found.add(field + ": expected " + expected + ", got " + seen);
        }
    }

    @Override
    public String describe() {
        return descriptors.size() + " partition descriptor(s) of " + layout.size() + " bytes";
    }
}
