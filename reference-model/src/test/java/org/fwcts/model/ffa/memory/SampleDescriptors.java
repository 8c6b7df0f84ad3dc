package org.fwcts.model.ffa.memory;

import static org.fwcts.model.ffa.HexBytes.zeros;

import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.HexBytes;

/**
 * Memory transactions and their bytes, written by hand field by field from ffa-memory.md §2, shared by
 * the encoder, round-trip and malformation tests. Every value is little-endian.
 */
final class SampleDescriptors {
    static final EndpointId VM1 = EndpointId.of(0x0001);
    static final EndpointId SP2 = EndpointId.of(0x8002);
    static final EndpointId SP3 = EndpointId.of(0x8003);

    private SampleDescriptors() {
    }

    /** v1.0 SHARE to one SP, two constituents. */
    static final MemoryTransaction V1_0_ONE_RECEIVER = MemoryTransaction.builder(VM1)
            .attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE)
            .tag(0x1234)
            .receiver(SP2, AccessPermissions.RW)
            .region(Constituent.of(0x8000_0000L, 2), Constituent.of(0x8_8000_4000L, 1))
            .layout(DescriptorLayout.V1_0)
            .build();

    static final byte[] V1_0_ONE_RECEIVER_BYTES = HexBytes.of(
            "0100",               // @0  sender 0x0001
            "2f",                 // @2  attributes 0x2F (8-bit in v1.0)
            "00",                 // @3  reserved
            "00000000",           // @4  flags
            "0000000000000000",   // @8  handle 0 (send)
            "3412000000000000",   // @16 tag 0x1234
            "00000000",           // @24 reserved
            "01000000",           // @28 EMAD count 1
            // EMAD[0] @32
            "0280",               // +0  receiver 0x8002
            "02",                 // +2  permissions RW, instruction not specified
            "00",                 // +3  flags
            "30000000",           // +4  composite offset 48
            zeros(8),             // +8  reserved
            // composite @48
            "03000000",           // +0  total page count 3
            "02000000",           // +4  constituent count 2
            zeros(8),             // +8  reserved
            "0000008000000000",   // @64 constituent[0] address 0x80000000
            "02000000",           //     2 pages
            zeros(4),             //     reserved
            "0040008008000000",   // @80 constituent[1] address 0x880004000
            "01000000",           //     1 page
            zeros(4));            //     reserved

    /** v1.0 retrieve request for a LEND to two SPs: no composite. */
    static final MemoryTransaction V1_0_TWO_RECEIVERS_NO_REGION = MemoryTransaction.builder(VM1)
            .attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE)
            .flags(TransactionFlags.of(TransactionType.LEND))
            .handle(0x1_0000_0002L)
            .tag(0x1234)
            .receiver(SP2, AccessPermissions.RO_NX)
            .receiver(SP3, AccessPermissions.RO_NX)
            .layout(DescriptorLayout.V1_0)
            .build();

    static final byte[] V1_0_TWO_RECEIVERS_NO_REGION_BYTES = HexBytes.of(
            "0100", "2f", "00",   // @0  sender, attributes, reserved
            "10000000",           // @4  flags: transaction type LEND (2 << 3)
            "0200000001000000",   // @8  handle 0x100000002
            "3412000000000000",   // @16 tag
            "00000000",           // @24 reserved
            "02000000",           // @28 EMAD count 2
            "0280", "05", "00", "00000000", zeros(8),   // @32 EMAD[0]: 0x8002, RO+NX, no composite
            "0380", "05", "00", "00000000", zeros(8));  // @48 EMAD[1]: 0x8003, RO+NX, no composite

    /** v1.1 SHARE to one SP, one constituent. */
    static final MemoryTransaction V1_1_ONE_RECEIVER = MemoryTransaction.builder(VM1)
            .attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE)
            .receiver(SP2, AccessPermissions.RW)
            .region(Constituent.of(0x8123_4000L, 1))
            .layout(DescriptorLayout.V1_1)
            .build();

    static final byte[] V1_1_ONE_RECEIVER_BYTES = HexBytes.of(
            "0100",               // @0  sender
            "2f00",               // @2  attributes 0x002F (16-bit from v1.1)
            "00000000",           // @4  flags
            "0000000000000000",   // @8  handle
            "0000000000000000",   // @16 tag
            "10000000",           // @24 EMAD size 16
            "01000000",           // @28 EMAD count 1
            "30000000",           // @32 EMAD offset 48
            zeros(12),            // @36 reserved
            "0280", "02", "00",   // @48 EMAD[0]: 0x8002, RW, flags 0
            "40000000",           //     composite offset 64
            zeros(8),             //     reserved
            "01000000",           // @64 composite: total 1 page
            "01000000",           //     1 constituent
            zeros(8),             //     reserved
            "0040238100000000",   // @80 constituent address 0x81234000
            "01000000", zeros(4)); //    1 page, reserved

    /** v1.1 LEND to two SPs with zeroing. */
    static final MemoryTransaction V1_1_TWO_RECEIVERS = MemoryTransaction.builder(VM1)
            .attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE)
            .flags(TransactionFlags.NONE.withZeroMemory(true))
            .receiver(SP2, AccessPermissions.RW)
            .receiver(SP3, AccessPermissions.RO)
            .region(Constituent.of(0x9000_0000L, 4))
            .layout(DescriptorLayout.V1_1)
            .build();

    static final byte[] V1_1_TWO_RECEIVERS_BYTES = HexBytes.of(
            "0100", "2f00",       // @0  sender, attributes
            "01000000",           // @4  flags: zero memory
            zeros(8), zeros(8),   // @8  handle, @16 tag
            "10000000",           // @24 EMAD size 16
            "02000000",           // @28 EMAD count 2
            "30000000",           // @32 EMAD offset 48
            zeros(12),            // @36 reserved
            "0280", "02", "00", "50000000", zeros(8),   // @48 EMAD[0]: 0x8002 RW, composite @80
            "0380", "01", "00", "50000000", zeros(8),   // @64 EMAD[1]: 0x8003 RO, composite @80
            "04000000", "01000000", zeros(8),           // @80 composite: 4 pages, 1 constituent
            "0000009000000000", "04000000", zeros(4));  // @96 0x90000000, 4 pages

    /** v1.2 retrieve response to one SP: NS bit set, impdef value, two pages above 4G. */
    static final MemoryTransaction V1_2_ONE_RECEIVER = MemoryTransaction.builder(VM1)
            .attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE.withNonSecure(true))
            .flags(TransactionFlags.of(TransactionType.SHARE))
            .handle(0x8000_0000_0000_0005L)
            .receiver(EndpointAccess.of(SP2, AccessPermissions.RW_NX)
                    .withImpdef(new EndpointAccess.Impdef(0x1122_3344_5566_7788L, 0x0102_0304_0506_0708L)))
            .region(Constituent.of(0x1_0000_0000L, 2))
            .layout(DescriptorLayout.V1_2)
            .build();

    static final byte[] V1_2_ONE_RECEIVER_BYTES = HexBytes.of(
            "0100",               // @0  sender
            "6f00",               // @2  attributes 0x6F: Normal WB inner shareable, NS
            "08000000",           // @4  flags: transaction type SHARE
            "0500000000000080",   // @8  handle 0x8000000000000005 (hypervisor allocator)
            zeros(8),             // @16 tag
            "20000000",           // @24 EMAD size 32
            "01000000",           // @28 EMAD count 1
            "30000000",           // @32 EMAD offset 48
            zeros(12),            // @36 reserved
            "0280", "06", "00",   // @48 EMAD[0]: 0x8002, RW+NX, flags 0
            "50000000",           //     composite offset 80
            "8877665544332211",   //     impdef word 0x1122334455667788
            "0807060504030201",   //     impdef word 0x0102030405060708
            zeros(8),             //     reserved
            "02000000", "01000000", zeros(8),           // @80 composite: 2 pages, 1 constituent
            "0000000001000000", "02000000", zeros(4));  // @96 0x100000000, 2 pages

    /** v1.2 retrieve request from two SPs: no composite. */
    static final MemoryTransaction V1_2_TWO_RECEIVERS_NO_REGION = MemoryTransaction.builder(VM1)
            .flags(TransactionFlags.of(TransactionType.SHARE))
            .handle(0x7)
            .tag(0x99)
            .receiver(SP2, AccessPermissions.RO)
            .receiver(SP3, AccessPermissions.RW)
            .layout(DescriptorLayout.V1_2)
            .build();

    static final byte[] V1_2_TWO_RECEIVERS_NO_REGION_BYTES = HexBytes.of(
            "0100", "0000",       // @0  sender, attributes not specified
            "08000000",           // @4  flags: SHARE
            "0700000000000000",   // @8  handle 7
            "9900000000000000",   // @16 tag 0x99
            "20000000", "02000000", "30000000", zeros(12), // @24 EMAD size 32, count 2, offset 48, reserved
            "0280", "01", "00", "00000000", zeros(16), zeros(8),   // @48 EMAD[0]: 0x8002 RO
            "0380", "02", "00", "00000000", zeros(16), zeros(8));  // @80 EMAD[1]: 0x8003 RW
}
