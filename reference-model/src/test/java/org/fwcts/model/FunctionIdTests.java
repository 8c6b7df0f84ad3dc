package org.fwcts.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.fwcts.model.smccc.FunctionId;
import org.fwcts.model.smccc.OwningEntity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An SMCCC function identifier")
class FunctionIdTests {

    @Test
    @DisplayName("0xC4000003 (CPU_ON SMC64) decodes as a fast SMC64 call, owner 4, number 3")
    void decodesFields() {
        FunctionId id = new FunctionId(0xC400_0003);
        assertThat(id.isFast()).isTrue();
        assertThat(id.isSmc64()).isTrue();
        assertThat(id.owner()).isEqualTo(OwningEntity.STANDARD_SECURE_SERVICE);
        assertThat(id.number()).isEqualTo(3);
        assertThat(id.hasReservedBitsSet()).isFalse();
    }

    @Test
    @DisplayName("0x32000004 (OP-TEE CALL_WITH_ARG) is a yielding SMC32 call to Trusted OS owner 50")
    void decodesYieldingTrustedOsCall() {
        FunctionId id = new FunctionId(0x3200_0004);
        assertThat(id.isFast()).isFalse();
        assertThat(id.isSmc64()).isFalse();
        assertThat(id.ownerNumber()).isEqualTo(50);
        assertThat(id.owner()).isEqualTo(OwningEntity.TRUSTED_OS);
    }

    @Test
    @DisplayName("is read from w0: the upper half of x0 does not count")
    void readsW0() {
        assertThat(FunctionId.fromRegister(0xFFFF_FFFF_8400_0000L)).isEqualTo(new FunctionId(0x8400_0000));
    }

    @Test
    @DisplayName("flags bits [23:17] as reserved and bit 16 as the SVE hint")
    void flagsReservedBitsAndSveHint() {
        assertThat(new FunctionId(0x8402_0000).hasReservedBitsSet()).isTrue();
        assertThat(new FunctionId(0x8480_0000).hasReservedBitsSet()).isTrue();
        assertThat(new FunctionId(0x8401_0000).hasReservedBitsSet()).isFalse();
        assertThat(new FunctionId(0x8401_0000).hasSveHint()).isTrue();
        assertThat(new FunctionId(0x8401_0000).withoutSveHint()).isEqualTo(new FunctionId(0x8400_0000));
    }

    @Test
    @DisplayName("builds the quick forms the convention gives: fast SMC32 0x80000000 | N<<24, SMC64 0xC0000000 | N<<24")
    void buildsQuickForms() {
        assertThat(FunctionId.fast32(OwningEntity.STANDARD_SECURE_SERVICE, 0x63).value()).isEqualTo(0x8400_0063);
        assertThat(FunctionId.fast64(OwningEntity.STANDARD_SECURE_SERVICE, 0x150).value()).isEqualTo(0xC400_0150);
        assertThat(FunctionId.fast32(OwningEntity.TRUSTED_OS, 0xFF01).value()).isEqualTo(0xB200_FF01);
    }
}
