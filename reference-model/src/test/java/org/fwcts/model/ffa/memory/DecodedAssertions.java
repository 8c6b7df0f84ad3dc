package org.fwcts.model.ffa.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.fwcts.model.Rule;
import org.fwcts.model.ffa.FfaError;

/** AssertJ-style checks on a {@link Decoded} outcome, shared by the codec tests. */
public final class DecodedAssertions {
    private DecodedAssertions() {
    }

    /** Asserts the outcome is valid and returns the value. */
    public static <T> T assertValid(Decoded<T> decoded) {
        assertThat(decoded)
                .withFailMessage(() -> "expected a valid structure, got " + decoded.malformation()
                        .map(Decoded.Malformed::describe).orElse("?"))
                .isInstanceOf(Decoded.Valid.class);
        return decoded.orElseThrow();
    }

    /** Asserts the outcome is INVALID_PARAMETERS naming {@code field} under {@code rule}. */
    public static void assertInvalid(Decoded<?> decoded, String field, Rule rule) {
        assertThat(decoded).withFailMessage(() -> "expected malformed " + field + ", got " + decoded)
                .isInstanceOf(Decoded.Malformed.class);
        Decoded.Malformed<?> malformed = (Decoded.Malformed<?>) decoded;
        assertThat(malformed.error()).isEqualTo(FfaError.INVALID_PARAMETERS);
        assertThat(malformed.field()).as(malformed.describe()).isEqualTo(field);
        assertThat(malformed.rule()).as(malformed.describe()).isEqualTo(rule);
        assertThat(malformed.problem()).isNotBlank();
    }
}
