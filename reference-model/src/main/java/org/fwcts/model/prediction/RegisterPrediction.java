package org.fwcts.model.prediction;

import org.fwcts.model.Rule;

/** What the model predicts for one result register, and the rule behind it. */
public sealed interface RegisterPrediction {

    /** True when {@code observed} is a value this prediction allows. */
    boolean admits(long observed);

    Rule rule();

    /** The predicted value as a report shows it. */
    String describe();

    /** The register holds {@code value} in the bits of {@code mask}; other bits are unspecified. */
    record Exact(long value, long mask, Rule rule) implements RegisterPrediction {
        public static final long ALL_BITS = -1L;
        public static final long LOW_32_BITS = 0xFFFF_FFFFL;

        @Override
        public boolean admits(long observed) {
            return (observed & mask) == (value & mask);
        }

        @Override
        public String describe() {
            if (mask == LOW_32_BITS) {
                return String.format("0x%08x (w)", value & mask);
            }
            return String.format("0x%x", value & mask);
        }
    }

    /** The specification leaves the register unspecified: any value passes. */
    record DontCare(Rule rule) implements RegisterPrediction {
        @Override
        public boolean admits(long observed) {
            return true;
        }

        @Override
        public String describe() {
            return "don't care";
        }
    }

    /**
     * The implementation chooses the value (a handle, an ID): any value passes here, and the
     * model binds what it saw. {@code suggestion} is a value a conforming implementation could
     * choose, for where the model plays the target.
     */
    record Chosen(long suggestion, String what, Rule rule) implements RegisterPrediction {
        @Override
        public boolean admits(long observed) {
            return true;
        }

        @Override
        public String describe() {
            return "chosen: " + what;
        }
    }

    /** The callee must return the register as the caller passed it. */
    record Preserved(long input, Rule rule) implements RegisterPrediction {
        @Override
        public boolean admits(long observed) {
            return observed == input;
        }

        @Override
        public String describe() {
            return String.format("preserved 0x%x", input);
        }
    }
}
