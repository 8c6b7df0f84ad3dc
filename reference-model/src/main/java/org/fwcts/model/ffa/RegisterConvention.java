package org.fwcts.model.ffa;

/**
 * How an implementation leaves the result registers an FF-A function does not define
 * (DEN0077A, "Reserved parameter convention"; SMCCC v1.2 for x8–x17).
 *
 * @param reservedZeroed true when w1–w7 that carry no result are zero (the spec says "SBZ");
 *     false when the implementation leaves them unspecified, so the model does not check them
 * @param upperPreserved true when x8–x17 come back as the caller passed them
 */
public record RegisterConvention(boolean reservedZeroed, boolean upperPreserved) {
    /** What DEN0077A and SMCCC v1.2 ask for. */
    public static final RegisterConvention SPEC = new RegisterConvention(true, true);
}
