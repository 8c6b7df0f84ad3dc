package org.fwcts.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HexTests {
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 0xf, 0x10, 0x84000063L, 0x8000_0000_0000_0000L, -1, 0x0123_4567_89ab_cdefL})
    void appendsTheDigitsLongWouldWrite(long value) {
        assertThat(Hex.append(new StringBuilder("x="), value).toString()).isEqualTo("x=" + Long.toHexString(value));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 0x8001, 0xfffe_ffffL, -1})
    void padsToTheDigitsAsked(long value) {
        assertThat(Hex.padded(value, 4, false)).isEqualTo("0x" + String.format("%04x", value));
        assertThat(Hex.padded(value, 8, true)).isEqualTo("0x" + String.format("%08X", value));
    }
}
