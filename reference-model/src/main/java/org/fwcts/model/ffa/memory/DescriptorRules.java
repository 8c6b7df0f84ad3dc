package org.fwcts.model.ffa.memory;

import org.fwcts.model.Rule;

/**
 * The structural rules of FF-A memory management descriptors, one per distinct malformation.
 *
 * <p>Sections are cited by title. The layouts are in DEN0077A (v1.0/v1.1 chapter "Memory management";
 * Hafnium cites v1.1 EAC0 Tables 10.13-10.20 and 16.25) and, from v1.2, in the separate supplement
 * DEN0140 "FF-A Memory Management Protocol" (Hafnium cites Table 1.16 for the 32-byte EMAD). Every rule
 * here is broken with INVALID_PARAMETERS.
 */
public final class DescriptorRules {
    static final String DOC = "DEN0077A (FF-A); DEN0140 (FF-A Memory Management Protocol) from v1.2";
    private static final String TRANSACTION = "Memory transaction descriptor";
    private static final String EMAD = "Endpoint memory access descriptor";
    private static final String PERMISSIONS = "Memory access permissions descriptor";
    private static final String ATTRIBUTES = "Memory region attributes descriptor";
    private static final String COMPOSITE = "Composite memory region descriptor";
    private static final String CONSTITUENT = "Constituent memory region descriptor";
    private static final String RELINQUISH = "Descriptor to relinquish a memory region (FFA_MEM_RELINQUISH)";

    public static final Rule LENGTH_BUFFER = rule("LENGTH_BUFFER", TRANSACTION,
            "The descriptor length given in w1/w2 must not exceed the buffer that holds the descriptor.");
    public static final Rule LENGTH_HEADER = rule("LENGTH_HEADER", TRANSACTION,
            "A memory transaction descriptor is at least one header long: 32 bytes in v1.0, 48 bytes from v1.1.");
    public static final Rule LENGTH_ALIGNMENT = rule("LENGTH_ALIGNMENT", TRANSACTION,
            "The total and fragment lengths of a memory transaction descriptor are multiples of 16 bytes.");
    public static final Rule HEADER_RESERVED = rule("HEADER_RESERVED", TRANSACTION,
            "Reserved header fields are MBZ: byte 3 and bytes 24-27 in v1.0, bytes 36-47 from v1.1.");
    public static final Rule ATTRIBUTES_RESERVED = rule("ATTRIBUTES_RESERVED", ATTRIBUTES,
            "Bit 7 and bits [15:8] of the memory region attributes are MBZ.");
    public static final Rule EMAD_SIZE = rule("EMAD_SIZE", TRANSACTION,
            "The EMAD size is 16 bytes for callers of v1.1 or later and 32 bytes only for callers of v1.2 or later.");
    public static final Rule EMAD_OFFSET = rule("EMAD_OFFSET", TRANSACTION,
            "The EMAD array offset is at least 48 (past the header) and a multiple of 16.");
    public static final Rule EMAD_COUNT = rule("EMAD_COUNT", TRANSACTION,
            "A memory transaction descriptor has at least one endpoint memory access descriptor.");
    public static final Rule EMAD_BOUNDS = rule("EMAD_BOUNDS", TRANSACTION,
            "The EMAD array lies within the descriptor length.");
    public static final Rule EMAD_RESERVED = rule("EMAD_RESERVED", EMAD,
            "Reserved EMAD bytes are MBZ: bytes 8-15 of a 16-byte EMAD, bytes 24-31 of a 32-byte EMAD.");
    public static final Rule PERMISSIONS_RESERVED = rule("PERMISSIONS_RESERVED", PERMISSIONS,
            "Access permission bits [7:4] are MBZ and neither data nor instruction access uses the reserved value 0b11.");
    public static final Rule COMPOSITE_OFFSET_EQUAL = rule("COMPOSITE_OFFSET_EQUAL", EMAD,
            "Every EMAD of a transaction holds the same composite memory region descriptor offset.");
    public static final Rule COMPOSITE_OFFSET_ALIGNMENT = rule("COMPOSITE_OFFSET_ALIGNMENT", TRANSACTION,
            "The composite memory region descriptor offset is a multiple of 16.");
    public static final Rule COMPOSITE_OFFSET_PLACEMENT = rule("COMPOSITE_OFFSET_PLACEMENT", TRANSACTION,
            "The composite memory region descriptor lies after the header and the EMAD array.");
    public static final Rule COMPOSITE_BOUNDS = rule("COMPOSITE_BOUNDS", TRANSACTION,
            "The composite memory region descriptor header lies within the descriptor length.");
    public static final Rule LENGTH_WITHOUT_COMPOSITE = rule("LENGTH_WITHOUT_COMPOSITE", TRANSACTION,
            "A descriptor without a composite region (every composite offset 0) ends right after its EMAD array.");
    public static final Rule COMPOSITE_RESERVED = rule("COMPOSITE_RESERVED", COMPOSITE,
            "Bytes 8-15 of the composite memory region descriptor are MBZ.");
    public static final Rule CONSTITUENT_COUNT = rule("CONSTITUENT_COUNT", COMPOSITE,
            "The constituent count matches the bytes between the composite header and the end of the descriptor.");
    public static final Rule TOTAL_PAGE_COUNT = rule("TOTAL_PAGE_COUNT", COMPOSITE,
            "The total page count equals the sum of the constituents' page counts.");
    public static final Rule CONSTITUENT_RESERVED = rule("CONSTITUENT_RESERVED", CONSTITUENT,
            "Bytes 12-15 of a constituent memory region descriptor are MBZ.");
    public static final Rule CONSTITUENT_ALIGNMENT = rule("CONSTITUENT_ALIGNMENT", CONSTITUENT,
            "A constituent's base address is aligned to 4K.");
    public static final Rule CONSTITUENT_EMPTY = rule("CONSTITUENT_EMPTY", CONSTITUENT,
            "A constituent covers at least one 4K page.");
    public static final Rule CONSTITUENT_RANGE = rule("CONSTITUENT_RANGE", CONSTITUENT,
            "A constituent's end address, base + 4K x page count, is representable in 64 bits.");
    public static final Rule CONSTITUENT_OVERLAP = rule("CONSTITUENT_OVERLAP", COMPOSITE,
            "The constituents of a composite memory region do not overlap.");
    public static final Rule RELINQUISH_LENGTH = new Rule("FFA.MEM.RELINQUISH.LENGTH", DOC, RELINQUISH,
            "The relinquish descriptor (16-byte header and two bytes per endpoint ID) lies within the TX buffer.");
    public static final Rule RELINQUISH_COUNT = new Rule("FFA.MEM.RELINQUISH.ENDPOINT_COUNT", DOC, RELINQUISH,
            "A relinquish descriptor names at least one endpoint.");

    private DescriptorRules() {
    }

    private static Rule rule(String name, String section, String statement) {
        return new Rule("FFA.MEM.DESC." + name, DOC, section, statement);
    }
}
