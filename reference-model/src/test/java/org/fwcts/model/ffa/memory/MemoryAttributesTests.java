package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.fwcts.model.ffa.memory.MemoryAttributes.Cacheability;
import org.fwcts.model.ffa.memory.MemoryAttributes.DeviceOrdering;
import org.fwcts.model.ffa.memory.MemoryAttributes.MemoryType;
import org.fwcts.model.ffa.memory.MemoryAttributes.Shareability;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The memory region attributes field")
class MemoryAttributesTests {

    @Test
    @DisplayName("Normal write-back inner shareable is 0x2F")
    void normalWriteBackInnerShareable() {
        MemoryAttributes attributes = MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE;
        assertThat(attributes.raw()).isEqualTo(0x2F);
        assertThat(attributes.type()).isEqualTo(MemoryType.NORMAL);
        assertThat(attributes.cacheability()).isEqualTo(Cacheability.WRITE_BACK);
        assertThat(attributes.shareability()).isEqualTo(Shareability.INNER);
        assertThat(attributes.nonSecure()).isFalse();
        assertThat(attributes.hasReservedBits()).isFalse();
        assertThat(attributes.hasReservedEncoding()).isFalse();
    }

    @ParameterizedTest(name = "{0} = 0x{1}")
    @CsvSource({"NGNRNE, 10", "NGNRE, 14", "NGRE, 18", "GRE, 1c"})
    @DisplayName("Device memory puts its ordering in bits [3:2] and type 1 in bits [5:4]")
    void device(DeviceOrdering ordering, String hex) {
        MemoryAttributes attributes = MemoryAttributes.device(ordering);
        assertThat(attributes.raw()).isEqualTo(Integer.parseInt(hex, 16));
        assertThat(attributes.type()).isEqualTo(MemoryType.DEVICE);
        assertThat(attributes.deviceOrdering()).isEqualTo(ordering);
    }

    @Test
    @DisplayName("bit 6 is the NS bit, which the relayer sets in a retrieve response for non-secure memory")
    void nonSecureBit() {
        MemoryAttributes attributes = MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE.withNonSecure(true);
        assertThat(attributes.raw()).isEqualTo(0x6F);
        assertThat(attributes.nonSecure()).isTrue();
        assertThat(attributes.hasReservedBits()).isFalse();
        assertThat(attributes.withNonSecure(false)).isEqualTo(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE);
    }

    @ParameterizedTest(name = "0x{0} has reserved bits 0x{1}")
    @CsvSource({"af, 80", "12f, 100", "ff2f, ff00"})
    @DisplayName("bit 7 and bits [15:8] are reserved")
    void reservedBits(String raw, String reserved) {
        MemoryAttributes attributes = MemoryAttributes.of(Integer.parseInt(raw, 16));
        assertThat(attributes.reservedBits()).isEqualTo(Integer.parseInt(reserved, 16));
        assertThat(attributes.hasReservedBits()).isTrue();
    }

    @ParameterizedTest(name = "0x{0}")
    @CsvSource({"3f", "2d", "23", "2b"})
    @DisplayName("recognises reserved encodings: type 3, shareability 1, Normal cacheability 0 or 2")
    void reservedEncodings(String raw) {
        assertThat(MemoryAttributes.of(Integer.parseInt(raw, 16)).hasReservedEncoding()).isTrue();
    }
}
