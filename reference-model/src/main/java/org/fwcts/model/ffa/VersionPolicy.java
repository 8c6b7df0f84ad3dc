package org.fwcts.model.ffa;

import org.fwcts.model.SpecVersion;

/**
 * How an implementation negotiates FF-A versions (DEN0077A, "FFA_VERSION"): where the spec
 * leaves room, implementations differ.
 *
 * @param onIncompatible the answer to a request whose major differs or whose minor is newer
 * @param recording which version the SPMC records for the caller after a compatible request
 * @param afterClose how FFA_VERSION behaves once negotiation is closed
 * @param requiresAgreement true when every other call from a caller without an agreed version
 *     is refused with NOT_SUPPORTED (TF-A's EL3 SPMC)
 * @param assumedCallerVersion the version a caller that never called FFA_VERSION is treated as
 * @param outsideNegotiation functions answered in front of the SPMC (TF-A's SPMD answers
 *     FFA_ID_GET and FFA_SPM_ID_GET itself), which neither need an agreed version nor close
 *     negotiation
 */
public record VersionPolicy(OnIncompatible onIncompatible, Recording recording, AfterClose afterClose,
        boolean requiresAgreement, SpecVersion assumedCallerVersion, java.util.Set<FfaFunction> outsideNegotiation) {

    public VersionPolicy {
        outsideNegotiation = java.util.Set.copyOf(outsideNegotiation);
    }

    /** A policy where every FF-A call other than FFA_VERSION reaches the SPMC's negotiation. */
    public VersionPolicy(OnIncompatible onIncompatible, Recording recording, AfterClose afterClose,
            boolean requiresAgreement, SpecVersion assumedCallerVersion) {
        this(onIncompatible, recording, afterClose, requiresAgreement, assumedCallerVersion, java.util.Set.of());
    }

    /** The answer to an incompatible request. */
    public enum OnIncompatible {
        /** Return the callee's own version and record nothing; the caller sees the mismatch. */
        OWN_VERSION,
        /** Return NOT_SUPPORTED in w0. */
        NOT_SUPPORTED
    }

    /** What the SPMC records for a compatible request. */
    public enum Recording {
        /** The caller's requested version. */
        REQUESTED,
        /** The lower of the requested and the callee's version, for any request with the same major. */
        MINIMUM
    }

    /** FFA_VERSION after the caller's first other FF-A call. */
    public enum AfterClose {
        /** Negotiation never closes: every FFA_VERSION renegotiates. */
        RENEGOTIATES,
        /** The agreed version is accepted again (answered with the callee's version); any other is NOT_SUPPORTED. */
        SAME_VERSION_ONLY,
        /** Every request is answered with the agreed version, or NOT_SUPPORTED when none was agreed. */
        REPORTS_AGREED
    }

    /** A builder holding these choices, to change some of them by name. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder with every choice unset; {@link Builder#build()} names any left unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets the choices by name; each setter is the component of the same name. */
    public static final class Builder {
        private OnIncompatible onIncompatible;
        private Recording recording;
        private AfterClose afterClose;
        private Boolean requiresAgreement;
        private SpecVersion assumedCallerVersion;
        private java.util.Set<FfaFunction> outsideNegotiation;

        private Builder() {
        }

        private Builder(VersionPolicy from) {
            onIncompatible = from.onIncompatible;
            recording = from.recording;
            afterClose = from.afterClose;
            requiresAgreement = from.requiresAgreement;
            assumedCallerVersion = from.assumedCallerVersion;
            outsideNegotiation = from.outsideNegotiation;
        }

        public Builder onIncompatible(OnIncompatible value) {
            onIncompatible = value;
            return this;
        }

        public Builder recording(Recording value) {
            recording = value;
            return this;
        }

        public Builder afterClose(AfterClose value) {
            afterClose = value;
            return this;
        }

        public Builder requiresAgreement(boolean value) {
            requiresAgreement = value;
            return this;
        }

        public Builder assumedCallerVersion(SpecVersion value) {
            assumedCallerVersion = value;
            return this;
        }

        public Builder outsideNegotiation(java.util.Set<FfaFunction> value) {
            outsideNegotiation = value;
            return this;
        }

        /** The choices; fails naming the first one not set. */
        public VersionPolicy build() {
            return new VersionPolicy(set(onIncompatible, "onIncompatible"),
                    set(recording, "recording"),
                    set(afterClose, "afterClose"),
                    set(requiresAgreement, "requiresAgreement"),
                    set(assumedCallerVersion, "assumedCallerVersion"),
                    set(outsideNegotiation, "outsideNegotiation"));
        }

        private static <T> T set(T value, String component) {
            if (value == null) {
                throw new IllegalStateException("VersionPolicy." + component + " is not set");
            }
            return value;
        }
    }
}
