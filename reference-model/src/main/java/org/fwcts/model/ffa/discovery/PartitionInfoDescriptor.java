package org.fwcts.model.ffa.discovery;

import static org.fwcts.model.ffa.memory.Decoded.invalid;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.Uuid;
import org.fwcts.model.ffa.memory.Decoded;

/**
 * One partition information descriptor from FFA_PARTITION_INFO_GET (DEN0077A, "Partition information
 * descriptor"; ffa-abi.md §6).
 *
 * <p>Layout: partition ID (2) @0, execution context count (2) @2, properties (4) @4, then from v1.1 the
 * protocol UUID (16) @8, and in the 48-byte v1.3 layout the image UUID (16) @24, the partition's FF-A
 * version (4) @40 and 4 reserved bytes @44. A field is present exactly when the layout it was read from
 * has it; on encode, absent fields are written as zero and fields the layout lacks are dropped.
 *
 * @param id the partition's endpoint ID
 * @param executionContextCount its vCPU count
 * @param properties the properties word (v1.0 callers only see bits [2:0]; callers check that)
 * @param protocolUuid the protocol UUID (v1.1+; zero when a specific UUID was queried)
 * @param imageUuid the image UUID (v1.3 layout)
 * @param partitionVersion the FF-A version the partition was built for (v1.3 layout)
 */
public record PartitionInfoDescriptor(EndpointId id, int executionContextCount, int properties,
        Optional<Uuid> protocolUuid, Optional<Uuid> imageUuid, Optional<SpecVersion> partitionVersion) {

    public PartitionInfoDescriptor {
        Objects.requireNonNull(id, "id");
        if (executionContextCount < 0 || executionContextCount > 0xFFFF) {
            throw new IllegalArgumentException("execution context count is 16 bits: " + executionContextCount);
        }
        Objects.requireNonNull(protocolUuid, "protocolUuid");
        Objects.requireNonNull(imageUuid, "imageUuid");
        Objects.requireNonNull(partitionVersion, "partitionVersion");
    }

    /** A descriptor with only the v1.0 fields. */
    public static PartitionInfoDescriptor of(EndpointId id, int executionContextCount, int properties) {
        return new PartitionInfoDescriptor(id, executionContextCount, properties, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public PartitionInfoDescriptor withProtocolUuid(Uuid uuid) {
        return new PartitionInfoDescriptor(id, executionContextCount, properties, Optional.of(uuid), imageUuid,
                partitionVersion);
    }

    public PartitionInfoDescriptor withImageUuid(Uuid uuid) {
        return new PartitionInfoDescriptor(id, executionContextCount, properties, protocolUuid, Optional.of(uuid),
                partitionVersion);
    }

    public PartitionInfoDescriptor withPartitionVersion(SpecVersion version) {
        return new PartitionInfoDescriptor(id, executionContextCount, properties, protocolUuid, imageUuid,
                Optional.of(version));
    }

    /** The {@code layout.size()} bytes of this descriptor. */
    public byte[] encode(PartitionInfoLayout layout) {
        byte[] bytes = new byte[layout.size()];
        writeTo(ByteBuffer.wrap(bytes), 0, layout);
        return bytes;
    }

    /** The descriptors one after another, as an SPMC lays them out in the RX buffer. */
    public static byte[] encodeList(List<PartitionInfoDescriptor> descriptors, PartitionInfoLayout layout) {
        byte[] bytes = new byte[descriptors.size() * layout.size()];
        ByteBuffer out = ByteBuffer.wrap(bytes);
        for (int i = 0; i < descriptors.size(); i++) {
            descriptors.get(i).writeTo(out, i * layout.size(), layout);
        }
        return bytes;
    }

    /** Writes at absolute {@code index} of {@code target}; its position and byte order are left alone. */
    public void writeTo(ByteBuffer target, int index, PartitionInfoLayout layout) {
        ByteBuffer out = target.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        out.putShort(index, (short) id.value());
        out.putShort(index + 2, (short) executionContextCount);
        out.putInt(index + 4, properties);
        if (layout.hasProtocolUuid()) {
            protocolUuid.orElse(Uuid.NIL).writeTo(out, index + 8);
        }
        if (layout.hasImageFields()) {
            imageUuid.orElse(Uuid.NIL).writeTo(out, index + 24);
            out.putInt(index + 40, partitionVersion.map(SpecVersion::encode).orElse(0));
        }
    }

    /**
     * Reads {@code count} descriptors of {@code descriptorSize} bytes (w2 and w3 of the answer) from the
     * start of {@code rxBuffer}.
     */
    public static Decoded<List<PartitionInfoDescriptor>> decodeList(byte[] rxBuffer, long count, long descriptorSize) {
        Optional<PartitionInfoLayout> layout = PartitionInfoLayout.forSize(descriptorSize);
        if (layout.isEmpty()) {
            return invalid(PartitionInfoRules.DESCRIPTOR_SIZE, "descriptorSize",
                    "no descriptor layout is " + descriptorSize + " bytes");
        }
        if (count < 0 || count * descriptorSize > rxBuffer.length) {
            return invalid(PartitionInfoRules.DESCRIPTOR_BOUNDS, "count",
                    count + " descriptors of " + descriptorSize + " bytes do not fit in " + rxBuffer.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(rxBuffer).order(ByteOrder.LITTLE_ENDIAN);
        List<PartitionInfoDescriptor> descriptors = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            Decoded<PartitionInfoDescriptor> descriptor = readOne(in, (int) (i * descriptorSize), i, layout.get());
            if (descriptor instanceof Decoded.Malformed<PartitionInfoDescriptor> malformed) {
                return malformed.as();
            }
            descriptors.add(descriptor.orElseThrow());
        }
        return Decoded.valid(List.copyOf(descriptors));
    }

    private static Decoded<PartitionInfoDescriptor> readOne(ByteBuffer in, int at, int index,
            PartitionInfoLayout layout) {
        Optional<Uuid> protocol = layout.hasProtocolUuid() ? Optional.of(Uuid.readFrom(in, at + 8)) : Optional.empty();
        Optional<Uuid> image = Optional.empty();
        Optional<SpecVersion> version = Optional.empty();
        if (layout.hasImageFields()) {
            if (in.getInt(at + 44) != 0) {
                return invalid(PartitionInfoRules.DESCRIPTOR_RESERVED, "descriptor[" + index + "].reserved",
                        "bytes 44-47 are 0x" + Integer.toHexString(in.getInt(at + 44)));
            }
            int encodedVersion = in.getInt(at + 40);
            if (encodedVersion < 0) {
                return invalid(PartitionInfoRules.PARTITION_VERSION, "descriptor[" + index + "].partitionVersion",
                        "version word 0x" + Integer.toHexString(encodedVersion) + " has bit 31 set");
            }
            image = Optional.of(Uuid.readFrom(in, at + 24));
            version = Optional.of(SpecVersion.decode(encodedVersion));
        }
        return Decoded.valid(new PartitionInfoDescriptor(EndpointId.low16(in.getShort(at)),
                in.getShort(at + 2) & 0xFFFF, in.getInt(at + 4), protocol, image, version));
    }
}
