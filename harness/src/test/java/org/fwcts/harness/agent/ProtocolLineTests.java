package org.fwcts.harness.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A protocol line")
class ProtocolLineTests {

    @Test
    @DisplayName("carries the CRC-32 of its bytes before ' #' (zlib's CRC of '>1 hello 1' is 1f0f8a23)")
    void encodesWithCrc() {
        assertThat(ProtocolLine.request(1, "hello", List.of("1")).encode()).isEqualTo(">1 hello 1 #1f0f8a23");
    }

    @Test
    @DisplayName("decodes a reply with a good checksum into sequence number and fields")
    void decodesReply() {
        ProtocolLine line = ProtocolLine.decode("<2 ok 10001 #e64fad61").orElseThrow();
        assertThat(line.kind()).isEqualTo(ProtocolLine.REPLY);
        assertThat(line.sequence()).isEqualTo(2);
        assertThat(line.fields()).containsExactly("ok", "10001");
    }

    @Test
    @DisplayName("is rejected when one character is corrupted, truncated, or the checksum is malformed")
    void rejectsCorruption() {
        assertThat(ProtocolLine.decode("<2 ok 10000 #e64fad61")).isEmpty();
        assertThat(ProtocolLine.decode("<3 ok 10001 #e64fad61")).isEmpty();
        assertThat(ProtocolLine.decode("<2 ok 10001 #e64fad6")).isEmpty();
        assertThat(ProtocolLine.decode("<2 ok 10001 #E64FAD61")).isEmpty();
        assertThat(ProtocolLine.decode("<2 ok 10001")).isEmpty();
    }

    @Test
    @DisplayName("is not found in firmware log noise")
    void ignoresNoise() {
        assertThat(ProtocolLine.decode("NOTICE:  BL31: v2.8(release)")).isEmpty();
        assertThat(ProtocolLine.decode("")).isEmpty();
        assertThat(ProtocolLine.decode("# ok")).isEmpty();
    }

    @Test
    @DisplayName("is found behind bytes an interrupted line left, but only with its checksum intact")
    void findsFrameBehindStrayPrefix() {
        assertThat(ProtocolLine.decode("<<2 ok 10001 #e64fad61")).contains(ProtocolLine.decode("<2 ok 10001 #e64fad61").orElseThrow());
        assertThat(ProtocolLine.decode("NOTICE: BL3<2 ok 10001 #e64fad61").map(ProtocolLine::sequence)).contains(2L);
        assertThat(ProtocolLine.decode("<<2 ok 10000 #e64fad61")).isEmpty();
    }

    @Test
    @DisplayName("round-trips an event")
    void roundTripsEvent() {
        ProtocolLine banner = new ProtocolLine(ProtocolLine.EVENT, "fwcts-agent", List.of("proto=1", "el=2"));
        assertThat(ProtocolLine.decode(banner.encode())).contains(banner);
    }
}
