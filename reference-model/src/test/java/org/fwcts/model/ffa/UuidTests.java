package org.fwcts.model.ffa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("An FF-A UUID")
class UuidTests {
    /** OP-TEE's UUID; TF-A's FVP manifests give it both as text and as the four register words. */
    private static final String OPTEE = "486178e0-e7f8-11e3-bc5e-0002a5d5c51b";

    @ParameterizedTest(name = "{0} <-> <{1} {2} {3} {4}>")
    @CsvSource({
        // TF-A plat/arm/board/fvp/fdts: fvp_tb_fw_config.dts (text) and optee_sp_manifest.dts (words)
        "486178e0-e7f8-11e3-bc5e-0002a5d5c51b, e0786148, e311f8e7, 02005ebc, 1bc5d5a5",
        // Cactus: Hafnium's test string and TF-A's fvp_cactus_sp_manifest.dts words
        "b4b5671e-4a90-4fe1-b81f-fb13dae1dacb, 1e67b5b4, e14f904a, 13fb1fb8, cbdae1da",
    })
    @DisplayName("travels in w1..w4 as its 16 bytes read as four little-endian 32-bit words")
    void packsIntoRegisterWords(String text, String w1, String w2, String w3, String w4) {
        int[] words = {Integer.parseUnsignedInt(w1, 16), Integer.parseUnsignedInt(w2, 16),
            Integer.parseUnsignedInt(w3, 16), Integer.parseUnsignedInt(w4, 16)};
        Uuid uuid = Uuid.parse(text);
        assertThat(uuid.registerWords()).containsExactly(words);
        assertThat(Uuid.fromRegisterWords(words[0], words[1], words[2], words[3])).isEqualTo(uuid);
        assertThat(Uuid.fromRegisterWords(words[0], words[1], words[2], words[3])).hasToString(text);
    }

    @Test
    @DisplayName("travels in x1/x2 of the 64-bit calls as x1 = w1 | w2 << 32, x2 = w3 | w4 << 32")
    void packsIntoRegisterPair() {
        Uuid uuid = Uuid.parse(OPTEE);
        assertThat(uuid.registerPair()).containsExactly(0xe311f8e7_e0786148L, 0x1bc5d5a5_02005ebcL);
        assertThat(Uuid.fromRegisterPair(0xe311f8e7_e0786148L, 0x1bc5d5a5_02005ebcL)).isEqualTo(uuid);
    }

    @Test
    @DisplayName("lies in memory as its bytes in textual order, whatever the buffer's byte order")
    void bytesInTextualOrder() {
        byte[] expected = HexBytes.of("486178e0", "e7f8", "11e3", "bc5e", "0002a5d5c51b");
        Uuid uuid = Uuid.parse(OPTEE);
        assertThat(uuid.toBytes()).containsExactly(expected);
        assertThat(Uuid.fromBytes(expected)).isEqualTo(uuid);

        ByteBuffer buffer = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(2);
        uuid.writeTo(buffer);
        assertThat(buffer.position()).isEqualTo(18);
        assertThat(Uuid.readFrom(buffer, 2)).isEqualTo(uuid);
        buffer.position(2);
        assertThat(Uuid.readFrom(buffer)).isEqualTo(uuid);
        assertThat(buffer.position()).isEqualTo(18);
    }

    @Test
    @DisplayName("parses upper case and prints lower case; NIL is all zeros")
    void parsesAndPrints() {
        assertThat(Uuid.parse(OPTEE.toUpperCase())).hasToString(OPTEE);
        assertThat(Uuid.NIL).hasToString("00000000-0000-0000-0000-000000000000");
        assertThat(Uuid.NIL.isNil()).isTrue();
        assertThat(Uuid.NIL.registerWords()).containsExactly(0, 0, 0, 0);
        assertThat(Uuid.parse(OPTEE).isNil()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "486178e0-e7f8-11e3-bc5e-0002a5d5c51", "486178e0-e7f8-11e3-bc5e_0002a5d5c51b",
        "486178e0-e7f8-11e3-bc5e-0002a5d5c51g", "486178e0e7f811e3bc5e0002a5d5c51b"})
    @DisplayName("rejects text that is not the canonical 8-4-4-4-12 form")
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> Uuid.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
