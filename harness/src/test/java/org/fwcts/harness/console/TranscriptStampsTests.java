package org.fwcts.harness.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("console.log time stamps")
class TranscriptStampsTests {
    @Test
    @DisplayName("are what Instant.toString writes, whole seconds, milli-, micro- and nanoseconds alike")
    void sameAsInstant() {
        Transcript.Stamps stamps = new Transcript.Stamps();
        SplittableRandom random = new SplittableRandom(7);
        Instant base = Instant.parse("2026-12-05T17:54:45Z");
        for (int i = 0; i < 2000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant at = base.plusSeconds(i / 7).plusNanos(nano);
            assertThat(stamps.of(at)).isEqualTo(at.toString());
        }
        Instant far = Instant.parse("+12026-01-01T00:00:00.5Z");
        assertThat(stamps.of(far)).isEqualTo(far.toString());
    }
}
