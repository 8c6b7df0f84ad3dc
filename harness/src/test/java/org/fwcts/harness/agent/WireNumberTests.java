package org.fwcts.harness.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("protocol numbers")
class WireNumberTests {
    /** PROTOCOL.md's form: lower-case hex, no leading zeros, at most 16 digits. */
    private static final Pattern FORM = Pattern.compile("0|[1-9a-f][0-9a-f]{0,15}");

    @Test
    @DisplayName("are accepted exactly when they have the protocol's form")
    void acceptsTheProtocolsFormOnly() {
        assertThat(WireNumber.isValid("0")).isTrue();
        assertThat(WireNumber.isValid("ffffffffffffffff")).isTrue();
        assertThat(WireNumber.isValid("00")).isFalse();
        assertThat(WireNumber.isValid("1ffffffffffffffff")).isFalse();
        assertThat(WireNumber.isValid("")).isFalse();
        assertThat(WireNumber.isValid("A")).isFalse();
        String alphabet = "0123456789abcdefAFgx ";
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder field = new StringBuilder();
            for (int n = random.nextInt(19); n > 0; n--) {
                field.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = field.toString();
            assertThat(WireNumber.isValid(text)).as(text).isEqualTo(FORM.matcher(text).matches());
        }
    }
}
