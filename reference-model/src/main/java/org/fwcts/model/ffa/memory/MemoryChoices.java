package org.fwcts.model.ffa.memory;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.fwcts.model.Rule;
import org.fwcts.model.ffa.FfaError;

/**
 * The implementation-defined choices of FF-A memory management:
 * where TF-A's EL3 SPMC (spmc_shared_mem.c), Hafnium (src/ffa_memory.c, src/api.c,
 * src/ffa/spmc/ffa_memory.c) and OP-TEE (thread_spmc.c, mobj_ffa.c) differ. Which memory functions
 * exist at all (FFA_MEM_DONATE only at Hafnium, FFA_MEM_RELINQUISH only from partitions) is the
 * profile's {@code FunctionAvailability}, not repeated here.
 *
 * @param receivers who may borrow what (see {@link ReceiverPolicy})
 * @param maxBorrowers the most EMADs a send may carry; more is INVALID_PARAMETERS (Hafnium
 *     MAX_MEM_SHARE_RECIPIENTS = 2; OP-TEE rejects counts above 255; TF-A has no limit but its datastore)
 * @param senderMustActForCaller true when the descriptor's sender must be the calling partition, or any
 *     normal-world ID for a normal-world caller, else DENIED (Hafnium ffa_memory_send_validate, TF-A
 *     spmc_ffa_fill_desc); OP-TEE never reads the sender
 * @param checksSenderAccess true when a send must follow ffa-memory.md §4 for the sender: data access
 *     stated for SHARE and LEND and absent for DONATE, instruction access unspecified, memory type
 *     unspecified for DONATE and single-borrower LEND, supported attributes otherwise (Hafnium
 *     ffa_memory_send_validate); TF-A stores whatever the sender wrote
 * @param sendFlags which flags a DONATE/LEND/SHARE descriptor may carry
 * @param unalignedLengthError the error for a total length that is not a multiple of 16: TF-A's
 *     spmc_shmem_obj_alloc fails (NO_MEMORY), Hafnium INVALID_PARAMETERS; empty where the model does not
 *     predict it (OP-TEE reads on regardless)
 * @param toleratedSendFaults descriptor rules ({@link DescriptorRules}) the implementation does not
 *     check in a send, so a descriptor breaking only these is accepted; EMAD_SIZE here means any whole
 *     number of 16-byte units (TF-A's check), of which the model follows 16 and 32
 * @param toleratedRequestFaults descriptor rules not checked in a retrieve request
 * @param bufferError the error when the caller has no TX buffer or the fragment exceeds it (TF-A and
 *     Hafnium INVALID_PARAMETERS, OP-TEE handle_mem_op_rxbuf DENIED)
 * @param descriptorBufferSupported true when a descriptor may also be passed in a separate buffer
 *     (x3/w4 non-zero), which the model does not follow (OP-TEE handle_mem_op_tmem); false where that is
 *     INVALID_PARAMETERS (TF-A, Hafnium)
 * @param tracksOwnership true when the SPMC keeps the sender's page modes and refuses (DENIED) pages the
 *     sender does not own exclusively with one uniform access, permissions it lacks, or clearing without
 *     write access (Hafnium ffa_send_check_transition); TF-A and OP-TEE keep no page state
 * @param overlapError the error for a region overlapping one in a live transaction: TF-A
 *     spmc_shmem_check_state_obj INVALID_PARAMETERS, Hafnium DENIED (the pages are no longer exclusive);
 *     empty where it is accepted (OP-TEE)
 * @param wholeConstituentFragments true when every fragment length must be a non-zero multiple of the
 *     16-byte constituent (Hafnium api_ffa_mem_frag_tx), else INVALID_PARAMETERS
 * @param fragmentSenderField what w4[31:16] of FFA_MEM_FRAG_TX must hold
 * @param abandonsSendOnFragmentError true when a refused FFA_MEM_FRAG_TX fragment frees the whole
 *     transaction (TF-A spmc_ffa_fill_desc frees the object on every error)
 * @param maxFragments the most fragments a send may take; the next is NO_MEMORY and frees the
 *     transaction (Hafnium MAX_FRAGMENTS = 20); empty where the model does not know a limit
 * @param maxTransactions the most live transactions; another send is NO_MEMORY (Hafnium MAX_MEM_SHARES =
 *     100); empty where the limit is a platform datastore size the model does not know
 * @param handles how the SPMC picks handles, used only to suggest the next one
 * @param retrieveCounting how retrievals are counted, hence whether retrieving twice is allowed
 * @param rxBusyError the error for a retrieve (or FFA_MEM_FRAG_RX) while the caller's RX buffer is full
 *     (TF-A DENIED, Hafnium BUSY)
 * @param retrieveSenderMismatchError the error for a retrieve request naming another sender (TF-A
 *     INVALID_PARAMETERS, Hafnium DENIED)
 * @param retrieveFlags which flags a retrieve request may carry
 * @param checksRetrieverPermissions true when the permissions a retriever asks for are resolved against
 *     the sender's (ffa-memory.md §4; Hafnium ffa_memory_retrieve_is_memory_access_valid); TF-A neither
 *     checks nor resolves them and answers with the sender's descriptor
 * @param executeOnNormalWorldMemory true when a borrower may get X on normal-world memory lent or donated
 *     to it; Hafnium refuses it (INVALID_PARAMETERS) unless it can move the pages to the secure PAS, which
 *     a build without RME cannot
 * @param responseShape what the retrieve response descriptor holds
 * @param responseNsBit when the retrieve response sets the NS bit (attributes bit 6)
 * @param relinquishFlags how FFA_MEM_RELINQUISH treats its flags word
 * @param reclaimFlags how FFA_MEM_RECLAIM treats w3
 * @param fragRxReportsSender true when FFA_MEM_FRAG_RX to a normal-world sender carries the sender ID
 *     in w4[31:16] (TF-A, Hafnium); OP-TEE leaves w4 zero
 * @param twoBitSecurityField true when the attributes' bits [7:6] are read as one security field, so bit
 *     7 set is INVALID_PARAMETERS like the NS bit in a send or retrieve request (Hafnium's
 *     ffa_memory_attributes_t); elsewhere only bit 6 is looked at
 */
public record MemoryChoices(
        ReceiverPolicy receivers,
        int maxBorrowers,
        boolean senderMustActForCaller,
        boolean checksSenderAccess,
        SendFlags sendFlags,
        Optional<FfaError> unalignedLengthError,
        Set<Rule> toleratedSendFaults,
        Set<Rule> toleratedRequestFaults,
        FfaError bufferError,
        boolean descriptorBufferSupported,
        boolean tracksOwnership,
        Optional<FfaError> overlapError,
        boolean wholeConstituentFragments,
        FragmentSenderField fragmentSenderField,
        boolean abandonsSendOnFragmentError,
        OptionalInt maxFragments,
        OptionalInt maxTransactions,
        HandleScheme handles,
        RetrieveCounting retrieveCounting,
        FfaError rxBusyError,
        FfaError retrieveSenderMismatchError,
        RetrieveFlags retrieveFlags,
        boolean checksRetrieverPermissions,
        boolean executeOnNormalWorldMemory,
        ResponseShape responseShape,
        NsBit responseNsBit,
        ClearFlag relinquishFlags,
        ClearFlag reclaimFlags,
        boolean fragRxReportsSender,
        boolean twoBitSecurityField) {

    public MemoryChoices {
        toleratedSendFaults = Set.copyOf(toleratedSendFaults);
        toleratedRequestFaults = Set.copyOf(toleratedRequestFaults);
    }

    /** Who may borrow memory, and what the SPMC checks about the receivers of a send. */
    public enum ReceiverPolicy {
        /**
         * TF-A: only the normal world sends; a secure receiver must be a known partition
         * (INVALID_PARAMETERS), normal-world receivers are left to the hypervisor, duplicates are
         * INVALID_PARAMETERS (spmc_shmem_check_obj).
         */
        KNOWN_PARTITIONS,
        /**
         * Hafnium as SPMC: every receiver exists and differs from the sender, no duplicates
         * (INVALID_PARAMETERS); LEND and DONATE only to partitions; a normal-world SHARE names one
         * partition or several borrowers of any world; a partition sends only to partitions (else
         * DENIED, ffa_memory_is_send_valid).
         */
        HAFNIUM_SPMC,
        /**
         * OP-TEE: the SPMC's own partition must be a receiver with data access exactly RW and
         * instruction access unspecified (0x02); a SHARE must say Normal write-back inner shareable
         * (0x2F), a LEND must leave the attributes 0; other receivers are not looked at (mem_op_init).
         */
        OWN_PARTITION_ONLY
    }

    /** The flags a DONATE/LEND/SHARE descriptor may carry. */
    public enum SendFlags {
        /** Zero, or exactly this operation's transaction type bits; anything else INVALID_PARAMETERS (TF-A). */
        TYPE_ONLY,
        /** Bit 0 (zero memory) except on SHARE; any other bit INVALID_PARAMETERS (Hafnium). */
        ZERO_MEMORY_ONLY,
        /** Bits [31:8] MBZ; the low byte is not interpreted, so zeroing is not done (OP-TEE). */
        LOW_BYTE_IGNORED
    }

    /** What w4[31:16] of FFA_MEM_FRAG_TX must hold. */
    public enum FragmentSenderField {
        /** Exactly the transaction's sender ID in w4[31:16], w4[15:0] zero (TF-A spmc_ffa_mem_frag_tx). */
        SENDER_ID,
        /** Zero from a partition; not checked from the normal world (Hafnium api_ffa_mem_frag_tx). */
        ZERO_FROM_PARTITIONS,
        /** Not checked (OP-TEE without virtualization). */
        IGNORED
    }

    /** How the SPMC picks a new handle; the model only suggests the next one from it. */
    public enum HandleScheme {
        /** A counter that starts at 0xFFFFFFC0, so handles soon need both words (TF-A next_handle). */
        COUNTER_FROM_FFFFFFC0,
        /** The index of the first free share-state slot, allocator bit clear (Hafnium ffa_memory_make_handle). */
        FIRST_FREE_SLOT,
        /** The first free index with bit 44 set (OP-TEE FFA_MEMORY_HANDLE_NON_SECURE_BIT). */
        FIRST_FREE_INDEX_BIT_44
    }

    /** How retrievals are counted. */
    public enum RetrieveCounting {
        /**
         * One count per transaction: every retrieve increments it, any borrower's relinquish
         * decrements it, so a borrower may retrieve again before relinquishing (TF-A in_use).
         */
        PER_TRANSACTION,
        /**
         * Per borrower, once: a second retrieve without relinquish is DENIED because the pages are
         * already mapped (Hafnium ffa_retrieve_check_transition), and a borrower relinquishes only after
         * pulling every fragment of its response (retrieved_fragment_count), else INVALID_PARAMETERS.
         */
        ONCE_PER_BORROWER
    }

    /** The flags a retrieve request may carry. */
    public enum RetrieveFlags {
        /** Zero, or exactly the SHARE or LEND type bits of the transaction; else INVALID_PARAMETERS (TF-A). */
        TYPE_ONLY,
        /**
         * ffa-memory.md §3: bits 0-2 and the type; zeroing not on SHARE (INVALID_PARAMETERS) and only if
         * the sender asked for it (DENIED); no alignment hint; bits [31:11] MBZ (Hafnium).
         */
        FULL
    }

    /** What the retrieve response descriptor holds. */
    public enum ResponseShape {
        /** The descriptor as the sender wrote it, every receiver with the sender's permissions (TF-A). */
        SENT_DESCRIPTOR,
        /** One EMAD, the retriever's, with the permissions it was granted; tag 0 (Hafnium). */
        RETRIEVER_ONLY
    }

    /** When the retrieve response sets the NS bit. */
    public enum NsBit {
        /** For normal-world memory, to retrievers of v1.1 or later (TF-A spmc_ffa_mem_retrieve_update_ns_bit). */
        NORMAL_WORLD_MEMORY_FROM_V1_1,
        /** For normal-world memory whatever the retriever's version (Hafnium ffa_memory_add_security_bit_from_mode). */
        NORMAL_WORLD_MEMORY
    }

    /** How a flags word with a "zero memory" bit 0 is treated. */
    public enum ClearFlag {
        /** Any non-zero value is INVALID_PARAMETERS (TF-A; OP-TEE for reclaim). */
        MUST_BE_ZERO,
        /** Bit 0 asks for zeroing; other bits are ignored (Hafnium). */
        ZERO_MEMORY_BIT
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
        private ReceiverPolicy receivers;
        private Integer maxBorrowers;
        private Boolean senderMustActForCaller;
        private Boolean checksSenderAccess;
        private SendFlags sendFlags;
        private Optional<FfaError> unalignedLengthError;
        private Set<Rule> toleratedSendFaults;
        private Set<Rule> toleratedRequestFaults;
        private FfaError bufferError;
        private Boolean descriptorBufferSupported;
        private Boolean tracksOwnership;
        private Optional<FfaError> overlapError;
        private Boolean wholeConstituentFragments;
        private FragmentSenderField fragmentSenderField;
        private Boolean abandonsSendOnFragmentError;
        private OptionalInt maxFragments;
        private OptionalInt maxTransactions;
        private HandleScheme handles;
        private RetrieveCounting retrieveCounting;
        private FfaError rxBusyError;
        private FfaError retrieveSenderMismatchError;
        private RetrieveFlags retrieveFlags;
        private Boolean checksRetrieverPermissions;
        private Boolean executeOnNormalWorldMemory;
        private ResponseShape responseShape;
        private NsBit responseNsBit;
        private ClearFlag relinquishFlags;
        private ClearFlag reclaimFlags;
        private Boolean fragRxReportsSender;
        private Boolean twoBitSecurityField;

        private Builder() {
        }

        private Builder(MemoryChoices from) {
            receivers = from.receivers;
            maxBorrowers = from.maxBorrowers;
            senderMustActForCaller = from.senderMustActForCaller;
            checksSenderAccess = from.checksSenderAccess;
            sendFlags = from.sendFlags;
            unalignedLengthError = from.unalignedLengthError;
            toleratedSendFaults = from.toleratedSendFaults;
            toleratedRequestFaults = from.toleratedRequestFaults;
            bufferError = from.bufferError;
            descriptorBufferSupported = from.descriptorBufferSupported;
            tracksOwnership = from.tracksOwnership;
            overlapError = from.overlapError;
            wholeConstituentFragments = from.wholeConstituentFragments;
            fragmentSenderField = from.fragmentSenderField;
            abandonsSendOnFragmentError = from.abandonsSendOnFragmentError;
            maxFragments = from.maxFragments;
            maxTransactions = from.maxTransactions;
            handles = from.handles;
            retrieveCounting = from.retrieveCounting;
            rxBusyError = from.rxBusyError;
            retrieveSenderMismatchError = from.retrieveSenderMismatchError;
            retrieveFlags = from.retrieveFlags;
            checksRetrieverPermissions = from.checksRetrieverPermissions;
            executeOnNormalWorldMemory = from.executeOnNormalWorldMemory;
            responseShape = from.responseShape;
            responseNsBit = from.responseNsBit;
            relinquishFlags = from.relinquishFlags;
            reclaimFlags = from.reclaimFlags;
            fragRxReportsSender = from.fragRxReportsSender;
            twoBitSecurityField = from.twoBitSecurityField;
        }

        public Builder receivers(ReceiverPolicy value) {
            receivers = value;
            return this;
        }

        public Builder maxBorrowers(int value) {
            maxBorrowers = value;
            return this;
        }

        public Builder senderMustActForCaller(boolean value) {
            senderMustActForCaller = value;
            return this;
        }

        public Builder checksSenderAccess(boolean value) {
            checksSenderAccess = value;
            return this;
        }

        public Builder sendFlags(SendFlags value) {
            sendFlags = value;
            return this;
        }

        public Builder unalignedLengthError(Optional<FfaError> value) {
            unalignedLengthError = value;
            return this;
        }

        public Builder toleratedSendFaults(Set<Rule> value) {
            toleratedSendFaults = value;
            return this;
        }

        public Builder toleratedRequestFaults(Set<Rule> value) {
            toleratedRequestFaults = value;
            return this;
        }

        public Builder bufferError(FfaError value) {
            bufferError = value;
            return this;
        }

        public Builder descriptorBufferSupported(boolean value) {
            descriptorBufferSupported = value;
            return this;
        }

        public Builder tracksOwnership(boolean value) {
            tracksOwnership = value;
            return this;
        }

        public Builder overlapError(Optional<FfaError> value) {
            overlapError = value;
            return this;
        }

        public Builder wholeConstituentFragments(boolean value) {
            wholeConstituentFragments = value;
            return this;
        }

        public Builder fragmentSenderField(FragmentSenderField value) {
            fragmentSenderField = value;
            return this;
        }

        public Builder abandonsSendOnFragmentError(boolean value) {
            abandonsSendOnFragmentError = value;
            return this;
        }

        public Builder maxFragments(OptionalInt value) {
            maxFragments = value;
            return this;
        }

        public Builder maxTransactions(OptionalInt value) {
            maxTransactions = value;
            return this;
        }

        public Builder handles(HandleScheme value) {
            handles = value;
            return this;
        }

        public Builder retrieveCounting(RetrieveCounting value) {
            retrieveCounting = value;
            return this;
        }

        public Builder rxBusyError(FfaError value) {
            rxBusyError = value;
            return this;
        }

        public Builder retrieveSenderMismatchError(FfaError value) {
            retrieveSenderMismatchError = value;
            return this;
        }

        public Builder retrieveFlags(RetrieveFlags value) {
            retrieveFlags = value;
            return this;
        }

        public Builder checksRetrieverPermissions(boolean value) {
            checksRetrieverPermissions = value;
            return this;
        }

        public Builder executeOnNormalWorldMemory(boolean value) {
            executeOnNormalWorldMemory = value;
            return this;
        }

        public Builder responseShape(ResponseShape value) {
            responseShape = value;
            return this;
        }

        public Builder responseNsBit(NsBit value) {
            responseNsBit = value;
            return this;
        }

        public Builder relinquishFlags(ClearFlag value) {
            relinquishFlags = value;
            return this;
        }

        public Builder reclaimFlags(ClearFlag value) {
            reclaimFlags = value;
            return this;
        }

        public Builder fragRxReportsSender(boolean value) {
            fragRxReportsSender = value;
            return this;
        }

        public Builder twoBitSecurityField(boolean value) {
            twoBitSecurityField = value;
            return this;
        }

        /** The choices; fails naming the first one not set. */
        public MemoryChoices build() {
            return new MemoryChoices(set(receivers, "receivers"),
                    set(maxBorrowers, "maxBorrowers"),
                    set(senderMustActForCaller, "senderMustActForCaller"),
                    set(checksSenderAccess, "checksSenderAccess"),
                    set(sendFlags, "sendFlags"),
                    set(unalignedLengthError, "unalignedLengthError"),
                    set(toleratedSendFaults, "toleratedSendFaults"),
                    set(toleratedRequestFaults, "toleratedRequestFaults"),
                    set(bufferError, "bufferError"),
                    set(descriptorBufferSupported, "descriptorBufferSupported"),
                    set(tracksOwnership, "tracksOwnership"),
                    set(overlapError, "overlapError"),
                    set(wholeConstituentFragments, "wholeConstituentFragments"),
                    set(fragmentSenderField, "fragmentSenderField"),
                    set(abandonsSendOnFragmentError, "abandonsSendOnFragmentError"),
                    set(maxFragments, "maxFragments"),
                    set(maxTransactions, "maxTransactions"),
                    set(handles, "handles"),
                    set(retrieveCounting, "retrieveCounting"),
                    set(rxBusyError, "rxBusyError"),
                    set(retrieveSenderMismatchError, "retrieveSenderMismatchError"),
                    set(retrieveFlags, "retrieveFlags"),
                    set(checksRetrieverPermissions, "checksRetrieverPermissions"),
                    set(executeOnNormalWorldMemory, "executeOnNormalWorldMemory"),
                    set(responseShape, "responseShape"),
                    set(responseNsBit, "responseNsBit"),
                    set(relinquishFlags, "relinquishFlags"),
                    set(reclaimFlags, "reclaimFlags"),
                    set(fragRxReportsSender, "fragRxReportsSender"),
                    set(twoBitSecurityField, "twoBitSecurityField"));
        }

        private static <T> T set(T value, String component) {
            if (value == null) {
                throw new IllegalStateException("MemoryChoices." + component + " is not set");
            }
            return value;
        }
    }
}
