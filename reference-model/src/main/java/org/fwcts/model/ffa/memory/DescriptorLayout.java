package org.fwcts.model.ffa.memory;

import org.fwcts.model.SpecVersion;

/**
 * The three layouts of the memory transaction descriptor (ffa-memory.md §2).
 *
 * <p>v1.0 (DEN0077A rev A): 32-byte header, 8-bit attributes, EMADs straight after the header, no EMAD
 * size or offset field. v1.1 (DEN0077A rev E): 48-byte header with EMAD size, count and offset, 16-bit
 * attributes, 16-byte EMADs. v1.2 (DEN0140): as v1.1 but 32-byte EMADs carrying an impdef value.
 */
public enum DescriptorLayout {
    V1_0(SpecVersion.of(1, 0), 32, 16),
    V1_1(SpecVersion.of(1, 1), 48, 16),
    V1_2(SpecVersion.of(1, 2), 48, 32);

    private final SpecVersion introducedIn;
    private final int headerSize;
    private final int emadSize;

    DescriptorLayout(SpecVersion introducedIn, int headerSize, int emadSize) {
        this.introducedIn = introducedIn;
        this.headerSize = headerSize;
        this.emadSize = emadSize;
    }

    /**
     * The layout a caller that negotiated {@code version} uses and expects back: v1.0 callers use the
     * v1.0 layout (Hafnium, TF-A), v1.1 callers 16-byte EMADs, v1.2 and later 32-byte EMADs.
     */
    public static DescriptorLayout forCaller(SpecVersion version) {
        if (!version.atLeast(1, 1)) {
            return V1_0;
        }
        return version.atLeast(1, 2) ? V1_2 : V1_1;
    }

    /** The first FF-A version whose callers use this layout; {@code forCaller(introducedIn())} is this. */
    public SpecVersion introducedIn() {
        return introducedIn;
    }

    /** Bytes before the EMAD array when it starts at the lowest offset allowed. */
    public int headerSize() {
        return headerSize;
    }

    /** Bytes per EMAD. */
    public int emadSize() {
        return emadSize;
    }

    /** Whether the header has the EMAD size and offset fields (v1.1+). */
    public boolean hasEmadFields() {
        return this != V1_0;
    }

    /** Whether the attributes field is 16 bits wide (v1.1+) rather than 8. */
    public boolean hasWideAttributes() {
        return this != V1_0;
    }

    /** Whether EMADs carry the 16-byte implementation-defined value (v1.2+). */
    public boolean hasImpdef() {
        return this == V1_2;
    }

    /** The offset just past {@code receiverCount} EMADs placed right after the header. */
    public int emadArrayEnd(int receiverCount) {
        return headerSize + receiverCount * emadSize;
    }

    /** Where the encoder puts the composite region: the first 16-byte boundary after the EMADs. */
    public int compositeOffset(int receiverCount) {
        return (emadArrayEnd(receiverCount) + 15) & ~15;
    }
}
