package org.fwcts.harness.realm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CcaTokenTests {
    private static final byte[] CHALLENGE = new byte[64];

    /** Writes CBOR heads and items, enough to build tokens of both formats. */
    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer head(int major, long argument) {
            if (argument < 24) {
                out.write(major << 5 | (int) argument);
            } else if (argument < 0x100) {
                out.write(major << 5 | 24);
                out.write((int) argument);
            } else if (argument < 0x10000) {
                out.write(major << 5 | 25);
                out.write((int) (argument >>> 8));
                out.write((int) argument);
            } else {
                out.write(major << 5 | 26);
                for (int shift = 24; shift >= 0; shift -= 8) {
                    out.write((int) (argument >>> shift));
                }
            }
            return this;
        }

        Writer bytes(byte[] value) {
            head(2, value.length);
            out.writeBytes(value);
            return this;
        }

        Writer text(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            head(3, utf8.length);
            out.writeBytes(utf8);
            return this;
        }

        byte[] done() {
            return out.toByteArray();
        }
    }

    private static byte[] realmToken() {
        Writer claims = new Writer().head(5, 4).head(0, 10).bytes(CHALLENGE).head(0, 44238).bytes(new byte[32])
                .head(0, 44239).head(4, 4);
        for (int i = 0; i < 4; i++) {
            claims.bytes(new byte[] {(byte) i});
        }
        claims.head(0, 44236).text("sha-256");
        return new Writer().head(6, 18).head(4, 4).bytes(new byte[] {(byte) 0xA1, 1, 0x38, 0x22}).head(5, 0)
                .bytes(claims.done()).bytes(new byte[96]).done();
    }

    @Test
    @DisplayName("the tag-399 collection of byte strings reads back with its realm claims")
    void format399() {
        byte[] token = new Writer().head(6, 399).head(5, 2).head(0, 44234).bytes(new byte[] {1, 2, 3}).head(0, 44241)
                .bytes(realmToken()).done();
        CcaToken parsed = CcaToken.parse(token);
        assertThat(parsed.tag()).isEqualTo(399);
        assertThat(parsed.platformToken()).containsExactly(1, 2, 3);
        assertThat(parsed.bytes(CcaToken.CHALLENGE)).isEqualTo(CHALLENGE);
        assertThat(parsed.rems()).hasSize(4).last().isEqualTo(new byte[] {3});
        assertThat(parsed.hashAlgorithm()).isEqualTo("sha-256");
    }

    @Test
    @DisplayName("the tag-907 collection holds each token in a [263, bstr] array")
    void format907() {
        byte[] token = new Writer().head(6, 907).head(5, 2).head(0, 44234).head(4, 2).head(0, 263).bytes(new byte[] {9})
                .head(0, 44241).head(4, 2).head(0, 263).bytes(realmToken()).done();
        CcaToken parsed = CcaToken.parse(token);
        assertThat(parsed.tag()).isEqualTo(907);
        assertThat(parsed.bytes(CcaToken.RIM)).hasSize(32);
    }

    @Test
    @DisplayName("a missing realm token, trailing bytes and a truncated string are errors that say what is wrong")
    void malformed() {
        byte[] noRealm = new Writer().head(6, 399).head(5, 1).head(0, 44234).bytes(new byte[1]).done();
        assertThatThrownBy(() -> CcaToken.parse(noRealm)).hasMessageContaining("no realm token (key 44241)");
        assertThatThrownBy(() -> Cbor.decode(new byte[] {1, 2})).hasMessageContaining("1 bytes after the item");
        assertThatThrownBy(() -> Cbor.decode(new byte[] {0x45, 1})).hasMessageContaining("runs past the end");
        assertThat(Cbor.decode(new byte[] {0x38, 0x22})).isEqualTo(-35L);
    }
}
