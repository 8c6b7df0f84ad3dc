package org.fwcts.model.ffa.memory;

import java.util.Objects;
import java.util.Optional;
import org.fwcts.model.Rule;
import org.fwcts.model.ffa.FfaError;

/**
 * The outcome of decoding an FF-A in-memory structure: the value, or the first malformation found.
 *
 * <p>Decoders never throw on bad input; every problem comes back as a {@link Malformed} naming the field,
 * the problem, the rule broken and the error a conforming callee returns for it. Shared by the memory
 * descriptors here and the discovery and messaging codecs.
 *
 * @param <T> the decoded type
 */
public sealed interface Decoded<T> permits Decoded.Valid, Decoded.Malformed {

    /** A well-formed structure. */
    record Valid<T>(T value) implements Decoded<T> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A structure a callee must reject.
     *
     * @param error the status a conforming callee returns (INVALID_PARAMETERS for every structural fault)
     * @param field the offending field, e.g. {@code emad[1].compositeOffset}
     * @param problem what is wrong with it, with the values seen
     * @param rule the rule broken
     */
    record Malformed<T>(FfaError error, String field, String problem, Rule rule) implements Decoded<T> {
        public Malformed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(rule, "rule");
        }

        /** The same malformation as the outcome of decoding an enclosing structure. */
        public <U> Malformed<U> as() {
            return new Malformed<>(error, field, problem, rule);
        }

        /** One line for a report: "field: problem [rule id]". */
        public String describe() {
            return field + ": " + problem + " [" + rule.id() + "]";
        }
    }

    static <T> Decoded<T> valid(T value) {
        return new Valid<>(value);
    }

    /** A structural fault: INVALID_PARAMETERS, which is what FF-A returns for every one of them. */
    static <T> Decoded<T> invalid(Rule rule, String field, String problem) {
        return new Malformed<>(FfaError.INVALID_PARAMETERS, field, problem, rule);
    }

    default boolean isValid() {
        return this instanceof Valid;
    }

    /** The value, or empty when malformed. */
    default Optional<T> asOptional() {
        return this instanceof Valid<T> valid ? Optional.of(valid.value()) : Optional.empty();
    }

    /** The malformation, or empty when valid. */
    default Optional<Malformed<T>> malformation() {
        return this instanceof Malformed<T> malformed ? Optional.of(malformed) : Optional.empty();
    }

    /** The value; for callers that built the input themselves and treat malformation as a bug. */
    default T orElseThrow() {
        if (this instanceof Valid<T> valid) {
            return valid.value();
        }
        throw new IllegalStateException("malformed: " + ((Malformed<T>) this).describe());
    }
}
