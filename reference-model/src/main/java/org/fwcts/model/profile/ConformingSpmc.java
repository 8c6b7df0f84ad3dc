package org.fwcts.model.profile;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.RegisterConvention;
import org.fwcts.model.ffa.VersionPolicy;
import org.fwcts.model.ffa.discovery.DiscoveryChoices;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.messaging.MessagingChoices;
import org.fwcts.model.ffa.notification.NotificationChoices;
import org.fwcts.model.ffa.rxtx.MailboxChoices;
import org.fwcts.model.ffa.spmc.SpmcProfile;

/**
 * The baseline every SPMC profile starts from: an SPMC that follows DEN0077A (and the digests in
 * ffa-abi.md and ffa-memory.md) where they decide, checks every rule the model knows, and where
 * the specification leaves a choice open takes the reading named in the comment. An
 * implementation's profile is this baseline plus its named differences ({@link SpmcProfiles}).
 */
public final class ConformingSpmc {

    private ConformingSpmc() {
    }

    /**
     * Every choice but the implementation's identity: {@code name}, {@code description},
     * {@code version} and {@code functions} are left for the implementation to set.
     */
    public static SpmcProfile.Builder profile() {
        return SpmcProfile.builder()
                .versionPolicy(versionPolicy())
                .registers(RegisterConvention.SPEC) // FFA.RESULTS.SBZ: reserved results zero, x8-x17 preserved
                .discovery(discovery())
                .mailbox(mailbox())
                .messaging(messaging())
                .memory(memory())
                .notifications(notifications());
    }

    /** FFA_VERSION (DEN0077A, "FFA_VERSION"). */
    public static VersionPolicy versionPolicy() {
        return VersionPolicy.builder()
                .onIncompatible(VersionPolicy.OnIncompatible.NOT_SUPPORTED) // FFA.VERSION.INCOMPATIBLE
                .recording(VersionPolicy.Recording.REQUESTED) // FFA.VERSION: the caller's version is the one it asked for
                .afterClose(VersionPolicy.AfterClose.SAME_VERSION_ONLY) // FFA.VERSION.LOCK
                .requiresAgreement(false) // FFA.VERSION.REQUIRED: a caller that never asked is treated as v1.0
                .assumedCallerVersion(SpecVersion.of(1, 0))
                .outsideNegotiation(Set.of()) // every call reaches the SPMC's negotiation
                .build();
    }

    /** FFA_FEATURES, FFA_SPM_ID_GET and partition information (DEN0077A, "Discovery and identification"). */
    public static DiscoveryChoices discovery() {
        return DiscoveryChoices.builder()
                .spmcId(EndpointId.SPMC) // FFA.SPM_ID_GET
                .normalWorldFeatureIds(Map.of()) // FFA.FEATURES.FEATURE_ID: no optional feature
                .secureWorldFeatureIds(Map.of())
                .functionProperties(Map.of()) // FFA.FEATURES.FUNCTION: w2 = 0 where a function defines none
                .featuresInputNonZero(FfaError.NOT_SUPPORTED) // FFA.FEATURES.INPUT_MBZ
                .retrieveNsBit(DiscoveryChoices.RetrieveNsBit.V1_1_CALLERS_MUST_SET) // FFA.FEATURES.RETRIEVE_NS
                .v10DescriptorSizeReported(8) // FFA.PARTITION_INFO.V1_0: w3 holds the 8-byte v1.0 size
                .descriptorSizeV11(24) // FFA.PARTITION_INFO.DESC_SIZE: the v1.1 descriptor
                .reservedFlagsError(Optional.of(FfaError.INVALID_PARAMETERS)) // FFA.PARTITION_INFO.FLAGS_MBZ
                .rxNotMapped(FfaError.BUSY) // FFA.PARTITION_INFO.RX_BUSY
                .rxFull(FfaError.BUSY)
                .descriptorsPerUuid(DiscoveryChoices.DescriptorsPerUuid.FROM_V1_2) // FFA.PARTITION_INFO.ALL
                .build();
    }

    /** FFA_RXTX_MAP (DEN0077A, "FFA_RXTX_MAP"). */
    public static MailboxChoices mailbox() {
        return MailboxChoices.builder()
                .minimumBufferSize(0) // FFA.FEATURES.RXTX_MAP: 4 KiB
                .maximumPageCount(1) // FFA.RXTX_MAP.PAGE_COUNT: one page, the minimum every caller can use
                .pageCountMask(0xFFFF_FFFF) // all of w3 is the page count
                .reportsMaximumPageCount(true) // FFA.FEATURES.RXTX_MAP: w2[31:16] for v1.2 callers
                .build();
    }

    /** Direct messaging, CPU cycles and FFA_MSG_SEND2 (DEN0077A; ffa-abi.md §8, §9). */
    public static MessagingChoices messaging() {
        return MessagingChoices.builder()
                .nonReceiverError(FfaError.DENIED) // FFA.MSG.DIRECT_REQ.NOT_RECEIVER
                .partitionMessageFlagsError(Optional.of(FfaError.INVALID_PARAMETERS)) // FFA.MSG.DIRECT_REQ.FLAGS
                .partitionToNormalWorldError(FfaError.INVALID_PARAMETERS) // FFA.MSG.DIRECT_REQ.TO_NORMAL_WORLD
                .partitionToPartitionError(Optional.empty()) // FFA.MSG.DIRECT_REQ.BETWEEN_PARTITIONS: allowed
                .req2OldPartitionError(FfaError.NOT_SUPPORTED) // FFA.MSG.DIRECT_REQ2.VERSION
                .req2ChecksReceiverVersion(true) // FFA.MSG.DIRECT_REQ2.RECEIVER_VERSION
                .req2UnknownUuidError(Optional.of(FfaError.INVALID_PARAMETERS)) // FFA.MSG.DIRECT_REQ2.UUID
                .normalWorldResponseError(FfaError.INVALID_PARAMETERS) // FFA.MSG.DIRECT_RESP.NORMAL_WORLD
                .responseDestination(MessagingChoices.ResponseDestination.KNOWN_ENDPOINT_FIRST) // ..DESTINATION
                .resp2Reserved(MessagingChoices.Resp2Reserved.X2_CHECKED) // FFA.MSG.DIRECT_RESP.FLAGS
                .rejectsNonZeroReserved(true) // FFA.RTM.RESERVED_MBZ
                .msgWaitReleasesRx(true) // FFA.MSG_WAIT.RX_RELEASE
                .runNormalWorldTargetError(FfaError.INVALID_PARAMETERS) // FFA.RUN.NORMAL_WORLD_TARGET
                .partitionRunError(Optional.empty()) // FFA.RUN.FROM_PARTITION: a partition may resume another
                .partitionInterruptError(FfaError.DENIED) // FFA.INTERRUPT.CALL
                .send2HeaderReservedError(Optional.of(FfaError.INVALID_PARAMETERS)) // FFA.MSG_SEND2.HEADER_RESERVED
                .send2OldCallerError(FfaError.NOT_SUPPORTED) // FFA.MSG_SEND2.VERSION
                .build();
    }

    /** Memory management (DEN0077A, "Memory management"; ffa-memory.md). */
    public static MemoryChoices memory() {
        return MemoryChoices.builder()
                .receivers(MemoryChoices.ReceiverPolicy.HAFNIUM_SPMC) // every FFA.MEM.SEND receiver check
                .maxBorrowers(Integer.MAX_VALUE) // the descriptor's EMAD count is the only limit
                .senderMustActForCaller(true) // the descriptor's sender is the caller
                .checksSenderAccess(true) // ffa-memory.md §4
                .sendFlags(MemoryChoices.SendFlags.ZERO_MEMORY_ONLY) // ffa-memory.md §3
                .unalignedLengthError(Optional.of(FfaError.INVALID_PARAMETERS))
                .toleratedSendFaults(Set.of()) // every descriptor rule is checked
                .toleratedRequestFaults(Set.of())
                .bufferError(FfaError.INVALID_PARAMETERS) // FFA.MEM.TX_BUFFER.MAPPED
                .descriptorBufferSupported(false)
                .tracksOwnership(true) // FFA.MEM.SEND.OWNER_ACCESS: the sender must own the pages
                .overlapError(Optional.of(FfaError.DENIED)) // pages in a live transaction are not the sender's alone
                .wholeConstituentFragments(false) // a fragment may end anywhere in the descriptor
                .fragmentSenderField(MemoryChoices.FragmentSenderField.SENDER_ID) // FFA_MEM_FRAG_TX w4[31:16]
                .abandonsSendOnFragmentError(false) // a refused fragment leaves the send to be completed
                .maxFragments(OptionalInt.empty())
                .maxTransactions(OptionalInt.empty())
                .handles(MemoryChoices.HandleScheme.FIRST_FREE_SLOT) // FFA.MEM.HANDLE: any unique value
                .retrieveCounting(MemoryChoices.RetrieveCounting.ONCE_PER_BORROWER) // a borrower retrieves once
                .rxBusyError(FfaError.BUSY)
                .retrieveSenderMismatchError(FfaError.INVALID_PARAMETERS)
                .retrieveFlags(MemoryChoices.RetrieveFlags.FULL) // ffa-memory.md §3
                .checksRetrieverPermissions(true) // ffa-memory.md §4
                .executeOnNormalWorldMemory(true)
                .responseShape(MemoryChoices.ResponseShape.RETRIEVER_ONLY)
                .responseNsBit(MemoryChoices.NsBit.NORMAL_WORLD_MEMORY)
                .relinquishFlags(MemoryChoices.ClearFlag.ZERO_MEMORY_BIT) // FFA.MEM.ZERO.RELINQUISH
                .reclaimFlags(MemoryChoices.ClearFlag.ZERO_MEMORY_BIT) // FFA.MEM.ZERO.RECLAIM
                .fragRxReportsSender(true)
                .twoBitSecurityField(false) // only the NS bit (attributes bit 6) is defined
                .build();
    }

    /** Notifications (DEN0077A, "Notifications"). */
    public static NotificationChoices notifications() {
        return NotificationChoices.builder()
                .dispatched(NotificationChoices.ALL) // FFA.NOTIFICATION.NOT_HANDLED: none refused
                .vmBitmaps(NotificationChoices.VmBitmaps.ANY_VM) // FFA.NOTIFICATION_BITMAP.VM_ID
                .rejectsNonZeroReserved(true) // FFA.NOTIFICATION.RESERVED_MBZ
                .bindFlagsError(FfaError.INVALID_PARAMETERS) // FFA.NOTIFICATION_BIND.FLAGS
                .rejectsEmptyBitmap(true) // FFA.NOTIFICATION.EMPTY_BITMAP
                .bindings(NotificationChoices.Bindings.PER_SENDER) // FFA.NOTIFICATION_BIND
                .bindWithoutBitmap(Optional.of(FfaError.INVALID_PARAMETERS)) // FFA.NOTIFICATION.RECEIVER_UNSUPPORTED
                .destroyWithoutBitmap(Optional.of(FfaError.DENIED)) // FFA.NOTIFICATION_BITMAP_DESTROY.ABSENT
                .destroyRefusesBindings(true) // FFA.NOTIFICATION_BITMAP_DESTROY.IN_USE
                .getBitmaps(NotificationChoices.GetBitmaps.ALL_CHECKED) // FFA.NOTIFICATION_GET.FLAGS
                .checksGetVcpuId(true) // FFA.NOTIFICATION_GET.VCPU
                .getForVmWithoutBitmap(Optional.of(FfaError.INVALID_PARAMETERS)) // FFA.NOTIFICATION_GET.RECEIVER
                .infoGetReporting(NotificationChoices.InfoGetReporting.ONCE_UNTIL_RETRIEVED) // FFA.NOTIFICATION_INFO_GET
                .build();
    }
}
