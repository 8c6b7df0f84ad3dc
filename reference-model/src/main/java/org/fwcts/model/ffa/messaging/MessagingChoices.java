package org.fwcts.model.ffa.messaging;

import java.util.Objects;
import java.util.Optional;
import org.fwcts.model.ffa.FfaError;

/**
 * Implementation choices for direct messaging, CPU-cycle management and FFA_MSG_SEND2: each is a
 * misuse the SPMCs FWCTS knows answer differently, or something one allows and another refuses
 * (DEN0077A, "Direct messaging", "CPU cycle management", "Indirect messaging"; ffa-abi.md §8, §9).
 *
 * <p>Sources: TF-A services/std_svc/spm/el3_spmc/spmc_main.c and spmd/spmd_main.c, Hafnium
 * src/api.c, src/ffa/spmc/{direct_messaging,cpu_cycles,indirect_messaging}.c, OP-TEE
 * core/arch/arm/kernel/{thread_spmc,spmc_sp_handler}.c (snapshots of August 2026).
 *
 * @param nonReceiverError a request to a partition whose properties do not accept that kind of
 *     request (bit 0 for DIRECT_REQ, bit 9 for DIRECT_REQ2): DENIED in TF-A
 *     ({@code direct_msg_receivable}) and Hafnium, NOT_SUPPORTED in OP-TEE
 * @param partitionMessageFlagsError a partition message (w2 bit 31 clear) with other bits of w2 set;
 *     empty where the implementation ignores them (OP-TEE's own partition never looks at w2)
 * @param partitionToNormalWorldError a partition's direct request to a normal-world endpoint, which
 *     no implementation forwards
 * @param partitionToPartitionError the error for a partition's direct request to another partition;
 *     empty where partitions may message each other (Hafnium call chains); TF-A only lets partitions
 *     reach its EL3 logical partitions
 * @param req2OldPartitionError a partition that negotiated a version before v1.2 calling DIRECT_REQ2
 *     (normal-world callers meet TF-A's SPMD first, which answers NOT_SUPPORTED for every profile)
 * @param req2ChecksReceiverVersion true when DIRECT_REQ2 to a partition built for a version before
 *     v1.2 is DENIED (Hafnium); TF-A forwards it
 * @param req2UnknownUuidError DIRECT_REQ2 naming a UUID the receiver does not serve; empty where the
 *     UUID is passed on unchecked (TF-A)
 * @param normalWorldResponseError DIRECT_RESP from the normal world, which never has a request to
 *     answer at the SPMC
 * @param responseDestination how a response to an endpoint other than the request's origin is refused
 * @param resp2Reserved what DIRECT_RESP2 does with its reserved x2 and x3
 * @param rejectsNonZeroReserved true when reserved argument registers must be zero
 *     (INVALID_PARAMETERS otherwise): FFA_MSG_WAIT w1, w3–w7 (and w2 before v1.2), FFA_YIELD x4–x7,
 *     and for v1.2 callers x8–x17 of FFA_MSG_WAIT, FFA_RUN and DIRECT_RESP (Hafnium); TF-A ignores them
 * @param msgWaitReleasesRx true when FFA_MSG_WAIT hands a full RX buffer back to the producer unless
 *     a v1.2 caller sets w2 bit 0 (Hafnium {@code api_ffa_msg_wait_rx_release}); TF-A leaves it
 * @param runNormalWorldTargetError FFA_RUN naming endpoint 0 (the normal world's own ID): TF-A
 *     INVALID_PARAMETERS; Hafnium finds its "other world" VM and DENIES it (other normal-world IDs
 *     are unknown to both: INVALID_PARAMETERS)
 * @param partitionRunError FFA_RUN from a partition; empty where a partition may resume another
 *     that is blocked or preempted (Hafnium); TF-A takes FFA_RUN from the normal world only
 * @param partitionInterruptError FFA_INTERRUPT called by a partition: TF-A's EL3 SPMC has no handler
 *     (NOT_SUPPORTED), Hafnium refuses it (DENIED)
 * @param send2HeaderReservedError an FFA_MSG_SEND2 header with non-zero flags or reserved words;
 *     empty where they are not checked (Hafnium copies the header as it is)
 * @param send2OldCallerError FFA_MSG_SEND2 from a v1.0 caller: Hafnium's "indirect messaging
 *     supported" check (DENIED) runs before its v1.0 check (NOT_SUPPORTED) and catches it first
 */
public record MessagingChoices(
        FfaError nonReceiverError,
        Optional<FfaError> partitionMessageFlagsError,
        FfaError partitionToNormalWorldError,
        Optional<FfaError> partitionToPartitionError,
        FfaError req2OldPartitionError,
        boolean req2ChecksReceiverVersion,
        Optional<FfaError> req2UnknownUuidError,
        FfaError normalWorldResponseError,
        ResponseDestination responseDestination,
        Resp2Reserved resp2Reserved,
        boolean rejectsNonZeroReserved,
        boolean msgWaitReleasesRx,
        FfaError runNormalWorldTargetError,
        Optional<FfaError> partitionRunError,
        FfaError partitionInterruptError,
        Optional<FfaError> send2HeaderReservedError,
        FfaError send2OldCallerError) {

    public MessagingChoices {
        Objects.requireNonNull(responseDestination, "responseDestination");
        Objects.requireNonNull(resp2Reserved, "resp2Reserved");
    }

    /** How a direct response addressed to the wrong endpoint is refused. */
    public enum ResponseDestination {
        /**
         * The destination must first be a known endpoint (a normal-world ID, the SPMC or a
         * partition; INVALID_PARAMETERS otherwise); a known one that is not the origin, the
         * responder itself included, is DENIED (TF-A {@code direct_msg_validate_dst_id}).
         */
        KNOWN_ENDPOINT_FIRST,
        /**
         * A response to the responder itself is INVALID_PARAMETERS; any other destination that is
         * not the origin, known or not, is DENIED (Hafnium {@code ffa_direct_msg_is_direct_response_valid}
         * and the runtime-model check).
         */
        NOT_SELF_FIRST
    }

    /** What DIRECT_RESP2 does with x2 and x3, which DEN0077A v1.2 reserves (MBZ). */
    public enum Resp2Reserved {
        /**
         * Non-zero x2 without the framework bit is INVALID_PARAMETERS; x3 reaches the requester as
         * passed (TF-A validates x2 for every response and forwards x1–x17).
         */
        X2_CHECKED,
        /** Both are ignored and the requester sees them zero (Hafnium {@code api_ffa_dir_msg_value}). */
        CLEARED
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
        private FfaError nonReceiverError;
        private Optional<FfaError> partitionMessageFlagsError;
        private FfaError partitionToNormalWorldError;
        private Optional<FfaError> partitionToPartitionError;
        private FfaError req2OldPartitionError;
        private Boolean req2ChecksReceiverVersion;
        private Optional<FfaError> req2UnknownUuidError;
        private FfaError normalWorldResponseError;
        private ResponseDestination responseDestination;
        private Resp2Reserved resp2Reserved;
        private Boolean rejectsNonZeroReserved;
        private Boolean msgWaitReleasesRx;
        private FfaError runNormalWorldTargetError;
        private Optional<FfaError> partitionRunError;
        private FfaError partitionInterruptError;
        private Optional<FfaError> send2HeaderReservedError;
        private FfaError send2OldCallerError;

        private Builder() {
        }

        private Builder(MessagingChoices from) {
            nonReceiverError = from.nonReceiverError;
            partitionMessageFlagsError = from.partitionMessageFlagsError;
            partitionToNormalWorldError = from.partitionToNormalWorldError;
            partitionToPartitionError = from.partitionToPartitionError;
            req2OldPartitionError = from.req2OldPartitionError;
            req2ChecksReceiverVersion = from.req2ChecksReceiverVersion;
            req2UnknownUuidError = from.req2UnknownUuidError;
            normalWorldResponseError = from.normalWorldResponseError;
            responseDestination = from.responseDestination;
            resp2Reserved = from.resp2Reserved;
            rejectsNonZeroReserved = from.rejectsNonZeroReserved;
            msgWaitReleasesRx = from.msgWaitReleasesRx;
            runNormalWorldTargetError = from.runNormalWorldTargetError;
            partitionRunError = from.partitionRunError;
            partitionInterruptError = from.partitionInterruptError;
            send2HeaderReservedError = from.send2HeaderReservedError;
            send2OldCallerError = from.send2OldCallerError;
        }

        public Builder nonReceiverError(FfaError value) {
            nonReceiverError = value;
            return this;
        }

        public Builder partitionMessageFlagsError(Optional<FfaError> value) {
            partitionMessageFlagsError = value;
            return this;
        }

        public Builder partitionToNormalWorldError(FfaError value) {
            partitionToNormalWorldError = value;
            return this;
        }

        public Builder partitionToPartitionError(Optional<FfaError> value) {
            partitionToPartitionError = value;
            return this;
        }

        public Builder req2OldPartitionError(FfaError value) {
            req2OldPartitionError = value;
            return this;
        }

        public Builder req2ChecksReceiverVersion(boolean value) {
            req2ChecksReceiverVersion = value;
            return this;
        }

        public Builder req2UnknownUuidError(Optional<FfaError> value) {
            req2UnknownUuidError = value;
            return this;
        }

        public Builder normalWorldResponseError(FfaError value) {
            normalWorldResponseError = value;
            return this;
        }

        public Builder responseDestination(ResponseDestination value) {
            responseDestination = value;
            return this;
        }

        public Builder resp2Reserved(Resp2Reserved value) {
            resp2Reserved = value;
            return this;
        }

        public Builder rejectsNonZeroReserved(boolean value) {
            rejectsNonZeroReserved = value;
            return this;
        }

        public Builder msgWaitReleasesRx(boolean value) {
            msgWaitReleasesRx = value;
            return this;
        }

        public Builder runNormalWorldTargetError(FfaError value) {
            runNormalWorldTargetError = value;
            return this;
        }

        public Builder partitionRunError(Optional<FfaError> value) {
            partitionRunError = value;
            return this;
        }

        public Builder partitionInterruptError(FfaError value) {
            partitionInterruptError = value;
            return this;
        }

        public Builder send2HeaderReservedError(Optional<FfaError> value) {
            send2HeaderReservedError = value;
            return this;
        }

        public Builder send2OldCallerError(FfaError value) {
            send2OldCallerError = value;
            return this;
        }

        /** The choices; fails naming the first one not set. */
        public MessagingChoices build() {
            return new MessagingChoices(set(nonReceiverError, "nonReceiverError"),
                    set(partitionMessageFlagsError, "partitionMessageFlagsError"),
                    set(partitionToNormalWorldError, "partitionToNormalWorldError"),
                    set(partitionToPartitionError, "partitionToPartitionError"),
                    set(req2OldPartitionError, "req2OldPartitionError"),
                    set(req2ChecksReceiverVersion, "req2ChecksReceiverVersion"),
                    set(req2UnknownUuidError, "req2UnknownUuidError"),
                    set(normalWorldResponseError, "normalWorldResponseError"),
                    set(responseDestination, "responseDestination"),
                    set(resp2Reserved, "resp2Reserved"),
                    set(rejectsNonZeroReserved, "rejectsNonZeroReserved"),
                    set(msgWaitReleasesRx, "msgWaitReleasesRx"),
                    set(runNormalWorldTargetError, "runNormalWorldTargetError"),
                    set(partitionRunError, "partitionRunError"),
                    set(partitionInterruptError, "partitionInterruptError"),
                    set(send2HeaderReservedError, "send2HeaderReservedError"),
                    set(send2OldCallerError, "send2OldCallerError"));
        }

        private static <T> T set(T value, String component) {
            if (value == null) {
                throw new IllegalStateException("MessagingChoices." + component + " is not set");
            }
            return value;
        }
    }
}
