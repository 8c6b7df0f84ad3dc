package org.fwcts.model.profile;

import static org.fwcts.model.ffa.FfaFunction.*;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.FunctionAvailability;
import org.fwcts.model.ffa.RegisterConvention;
import org.fwcts.model.ffa.VersionPolicy;
import org.fwcts.model.ffa.discovery.DiscoveryChoices;
import org.fwcts.model.ffa.memory.DescriptorRules;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.messaging.MessagingChoices;
import org.fwcts.model.ffa.notification.NotificationChoices;
import org.fwcts.model.ffa.rxtx.MailboxChoices;
import org.fwcts.model.ffa.spmc.SpmcProfile;
import org.fwcts.model.smccc.FunctionId;

/**
 * The SPMC implementations FWCTS knows, one method each: the {@link ConformingSpmc} baseline plus
 * the implementation's differences, each set by name with the source that shows it.
 *
 * <p>Sources are the implementations' public code (snapshots of August 2026), cited per method.
 */
public final class SpmcProfiles {
    private static final Map<String, SpmcProfile> BY_NAME = new TreeMap<>();

    static {
        for (SpmcProfile profile : List.of(tfaEl3Spmc(), hafnium(), optee())) {
            BY_NAME.put(profile.name(), profile);
        }
    }

    private SpmcProfiles() {
    }

    public static Optional<SpmcProfile> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * TF-A's EL3 SPMC (services/std_svc/spm/el3_spmc, SPD=spmd SPMC_AT_EL3=1), FF-A v1.2, with
     * one S-EL1 partition. From spmc_main.c and spmc_shared_mem.c.
     */
    public static SpmcProfile tfaEl3Spmc() {
        Set<FfaFunction> both = EnumSet.of(FFA_ERROR, FFA_SUCCESS, FFA_INTERRUPT, FFA_SPM_ID_GET, FFA_ID_GET,
                FFA_FEATURES, FFA_VERSION, FFA_RX_RELEASE, FFA_MSG_SEND_DIRECT_REQ, FFA_MSG_SEND_DIRECT_REQ2,
                FFA_PARTITION_INFO_GET, FFA_RXTX_MAP, FFA_RXTX_UNMAP, FFA_MEM_FRAG_TX, FFA_RUN,
                FFA_MEM_RETRIEVE_REQ);
        Set<FfaFunction> normal = union(both, FFA_MEM_SHARE, FFA_MEM_LEND, FFA_MEM_RECLAIM, FFA_MEM_FRAG_RX);
        Set<FfaFunction> secure = union(both, FFA_SECONDARY_EP_REGISTER, FFA_MSG_SEND_DIRECT_RESP,
                FFA_MSG_SEND_DIRECT_RESP2, FFA_MEM_RELINQUISH, FFA_MSG_WAIT, FFA_CONSOLE_LOG);
        return ConformingSpmc.profile()
                .name("tfa-el3-spmc")
                .description("TF-A EL3 SPMC (SPD=spmd SPMC_AT_EL3=1), FF-A v1.2; from TF-A source, August 2026")
                .version(SpecVersion.of(1, 2))
                // spmc_smc_handler: any other call closes negotiation and is NOT_SUPPORTED until a
                // version was agreed; afterwards FFA_VERSION reports the agreed version.
                // The SPMD in front of it answers FFA_ID_GET and FFA_SPM_ID_GET itself (spmd_main.c),
                // so those calls neither need nor close the SPMC's negotiation.
                .versionPolicy(ConformingSpmc.versionPolicy().toBuilder()
                        .onIncompatible(VersionPolicy.OnIncompatible.OWN_VERSION)
                        .afterClose(VersionPolicy.AfterClose.REPORTS_AGREED)
                        .requiresAgreement(true)
                        .outsideNegotiation(EnumSet.of(FFA_ID_GET, FFA_SPM_ID_GET))
                        .build())
                // ffa_features_handler lists FFA_SUCCESS_SMC32 only; spmc_smc_handler has no per-world
                // gate, so it still dispatches direct responses and relinquish from the normal world,
                // and sends, reclaim and FRAG_RX from partitions (answered by their handlers).
                .functions(new FunctionAvailability(without(ids(normal), FFA_SUCCESS.smc64().orElseThrow()),
                        without(ids(secure), FFA_SUCCESS.smc64().orElseThrow()),
                        ids(EnumSet.of(FFA_MSG_SEND_DIRECT_RESP, FFA_MSG_SEND_DIRECT_RESP2, FFA_MEM_RELINQUISH)),
                        ids(EnumSet.of(FFA_MEM_SHARE, FFA_MEM_LEND, FFA_MEM_RECLAIM, FFA_MEM_FRAG_RX))))
                // SMC_RET1..SMC_RET4 leave the registers they do not write as the caller passed them.
                .registers(new RegisterConvention(false, true))
                // spmc_main.c partition_info_get_handler: w3 unset for v1.0 callers, flags unchecked, one
                // descriptor per partition; ffa_features_handler: the NS-bit flag per the caller's world.
                .discovery(ConformingSpmc.discovery().toBuilder()
                        .retrieveNsBit(DiscoveryChoices.RetrieveNsBit.NORMAL_WORLD_CLEARS_PARTITIONS_SET)
                        .v10DescriptorSizeReported(0)
                        .reservedFlagsError(Optional.empty())
                        .descriptorsPerUuid(DiscoveryChoices.DescriptorsPerUuid.EVERY_CALLER)
                        .build())
                // FFA_RXTX_PAGE_COUNT_MASK is 0x1F; FFA_FEATURES(RXTX_MAP) returns w2 = 0.
                .mailbox(ConformingSpmc.mailbox().toBuilder()
                        .maximumPageCount(0x1F)
                        .pageCountMask(0x1F)
                        .reportsMaximumPageCount(false)
                        .build())
                // spmc_main.c direct_req/resp_smc_handler, msg_wait_handler, ffa_run_handler (no FFA_YIELD, FFA_INTERRUPT
                // handler or FFA_MSG_SEND2); partitions may only message EL3 logical partitions; spmd_main.c in front.
                .messaging(ConformingSpmc.messaging().toBuilder()
                        .partitionToPartitionError(Optional.of(FfaError.INVALID_PARAMETERS))
                        .req2ChecksReceiverVersion(false)
                        .req2UnknownUuidError(Optional.empty())
                        .rejectsNonZeroReserved(false)
                        .msgWaitReleasesRx(false)
                        .partitionRunError(Optional.of(FfaError.INVALID_PARAMETERS))
                        .partitionInterruptError(FfaError.NOT_SUPPORTED)
                        .build())
                // spmc_shared_mem.c: NWd-only sends to known SPs, flags 0 or the type, few structural checks, an
                // unaligned total length fails the allocation, in_use counts retrievals, the response is the stored
                // descriptor (NS set for v1.1+ SPs), relinquish/reclaim flags MBZ, handles counted from 0xFFFFFFC0.
                .memory(ConformingSpmc.memory().toBuilder()
                        .receivers(MemoryChoices.ReceiverPolicy.KNOWN_PARTITIONS)
                        .checksSenderAccess(false)
                        .sendFlags(MemoryChoices.SendFlags.TYPE_ONLY)
                        .unalignedLengthError(Optional.of(FfaError.NO_MEMORY))
                        .toleratedSendFaults(Set.of(DescriptorRules.HEADER_RESERVED, DescriptorRules.ATTRIBUTES_RESERVED,
                                DescriptorRules.EMAD_RESERVED, DescriptorRules.PERMISSIONS_RESERVED,
                                DescriptorRules.COMPOSITE_RESERVED, DescriptorRules.CONSTITUENT_RESERVED,
                                DescriptorRules.CONSTITUENT_ALIGNMENT, DescriptorRules.CONSTITUENT_EMPTY,
                                DescriptorRules.CONSTITUENT_OVERLAP, DescriptorRules.EMAD_SIZE))
                        .toleratedRequestFaults(Set.of(DescriptorRules.HEADER_RESERVED,
                                DescriptorRules.ATTRIBUTES_RESERVED, DescriptorRules.EMAD_RESERVED,
                                DescriptorRules.PERMISSIONS_RESERVED, DescriptorRules.EMAD_SIZE,
                                DescriptorRules.LENGTH_WITHOUT_COMPOSITE, DescriptorRules.LENGTH_ALIGNMENT,
                                DescriptorRules.COMPOSITE_OFFSET_EQUAL, DescriptorRules.COMPOSITE_OFFSET_ALIGNMENT,
                                DescriptorRules.COMPOSITE_OFFSET_PLACEMENT, DescriptorRules.COMPOSITE_BOUNDS,
                                DescriptorRules.CONSTITUENT_COUNT, DescriptorRules.COMPOSITE_RESERVED,
                                DescriptorRules.CONSTITUENT_RESERVED, DescriptorRules.CONSTITUENT_ALIGNMENT,
                                DescriptorRules.CONSTITUENT_EMPTY, DescriptorRules.CONSTITUENT_OVERLAP,
                                DescriptorRules.TOTAL_PAGE_COUNT))
                        .tracksOwnership(false)
                        .overlapError(Optional.of(FfaError.INVALID_PARAMETERS))
                        .abandonsSendOnFragmentError(true)
                        .handles(MemoryChoices.HandleScheme.COUNTER_FROM_FFFFFFC0)
                        .retrieveCounting(MemoryChoices.RetrieveCounting.PER_TRANSACTION)
                        .rxBusyError(FfaError.DENIED)
                        .retrieveFlags(MemoryChoices.RetrieveFlags.TYPE_ONLY)
                        .checksRetrieverPermissions(false)
                        .responseShape(MemoryChoices.ResponseShape.SENT_DESCRIPTOR)
                        .responseNsBit(MemoryChoices.NsBit.NORMAL_WORLD_MEMORY_FROM_V1_1)
                        .relinquishFlags(MemoryChoices.ClearFlag.MUST_BE_ZERO)
                        .reclaimFlags(MemoryChoices.ClearFlag.MUST_BE_ZERO)
                        .build())
                // spmc_main.c spmc_smc_handler has no case for the notification functions (the
                // availability above already refuses them).
                .notifications(NotificationChoices.NOT_IMPLEMENTED)
                .build();
    }

    /**
     * Hafnium as SPMC at S-EL2 (inc/vmapi/hf/ffa.h, src/api.c, src/ffa/spmc), FF-A v1.3 by
     * default. From source; not verified on a running build here.
     */
    public static SpmcProfile hafnium() {
        Set<FfaFunction> both = EnumSet.of(FFA_ERROR, FFA_SUCCESS, FFA_INTERRUPT, FFA_VERSION, FFA_FEATURES,
                FFA_RX_RELEASE, FFA_RXTX_UNMAP, FFA_PARTITION_INFO_GET, FFA_PARTITION_INFO_GET_REGS, FFA_ID_GET,
                FFA_SPM_ID_GET, FFA_MSG_SEND_DIRECT_REQ, FFA_MSG_SEND_DIRECT_REQ2, FFA_MSG_SEND2, FFA_MSG_WAIT,
                FFA_RUN, FFA_YIELD, FFA_MEM_DONATE, FFA_MEM_LEND, FFA_MEM_SHARE, FFA_MEM_RETRIEVE_REQ,
                FFA_MEM_FRAG_RX, FFA_MEM_FRAG_TX, FFA_NOTIFICATION_BIND, FFA_NOTIFICATION_UNBIND,
                FFA_NOTIFICATION_SET, FFA_NOTIFICATION_GET, FFA_CONSOLE_LOG);
        Set<FunctionId> normal = ids(union(both, FFA_MEM_RECLAIM, FFA_RX_ACQUIRE, FFA_NOTIFICATION_BITMAP_CREATE,
                FFA_NOTIFICATION_BITMAP_DESTROY, FFA_NOTIFICATION_INFO_GET));
        Set<FunctionId> secure = ids(union(both, FFA_MSG_SEND_DIRECT_RESP, FFA_MSG_SEND_DIRECT_RESP2,
                FFA_MEM_RELINQUISH, FFA_MEM_RETRIEVE_RESP, FFA_SECONDARY_EP_REGISTER, FFA_MEM_PERM_GET,
                FFA_MEM_PERM_SET));
        // Hafnium implements only the 64-bit RXTX_MAP and NOTIFICATION_INFO_GET.
        normal.add(FFA_RXTX_MAP.smc64().orElseThrow());
        secure.add(FFA_RXTX_MAP.smc64().orElseThrow());
        normal.remove(FFA_NOTIFICATION_INFO_GET.smc32().orElseThrow());
        return ConformingSpmc.profile()
                .name("hafnium")
                .description("Hafnium SPMC at S-EL2, FF-A v1.3; from Hafnium source, August 2026, not yet run here")
                .version(SpecVersion.of(1, 3))
                // handler.c dispatches RELINQUISH and RECLAIM whoever calls; FFA_FEATURES reports
                // each to one world only.
                .functions(new FunctionAvailability(normal, secure, ids(EnumSet.of(FFA_MEM_RELINQUISH)),
                        ids(EnumSet.of(FFA_MEM_RECLAIM))))
                // SRI (8) is reported to the normal world, NPI (5) and MEI (4) to partitions; partition
                // descriptors are written in the newest (v1.3, 48-byte) layout.
                .discovery(ConformingSpmc.discovery().toBuilder()
                        .normalWorldFeatureIds(Map.of(2, 8))
                        .secureWorldFeatureIds(Map.of(1, 5, 3, 4))
                        .descriptorSizeV11(48)
                        .build())
                // api.c api_ffa_msg_send_direct_req/resp, api_ffa_msg_wait, api_ffa_run, api_yield, api_ffa_msg_send2;
                // ffa/spmc/direct_messaging.c, cpu_cycles.c, indirect_messaging.c; handler.c (FFA_INTERRUPT, FFA_RUN x8-x17).
                .messaging(ConformingSpmc.messaging().toBuilder()
                        .req2OldPartitionError(FfaError.DENIED)
                        .responseDestination(MessagingChoices.ResponseDestination.NOT_SELF_FIRST)
                        .resp2Reserved(MessagingChoices.Resp2Reserved.CLEARED)
                        .runNormalWorldTargetError(FfaError.DENIED)
                        .send2HeaderReservedError(Optional.empty())
                        .send2OldCallerError(FfaError.DENIED)
                        .build())
                // src/ffa_memory.c, src/api.c, src/ffa/spmc/ffa_memory.c (default build: MAX_MEM_SHARE_RECIPIENTS 2,
                // MAX_MEM_SHARES 100, MAX_FRAGMENTS 20, no RME): reserved fields of attributes, permissions,
                // composite and constituents unread, whole-constituent fragments, sender field read from
                // partitions only, attributes bits [7:6] one security field.
                .memory(ConformingSpmc.memory().toBuilder()
                        .maxBorrowers(2)
                        .toleratedSendFaults(Set.of(DescriptorRules.ATTRIBUTES_RESERVED,
                                DescriptorRules.PERMISSIONS_RESERVED, DescriptorRules.COMPOSITE_RESERVED,
                                DescriptorRules.CONSTITUENT_RESERVED))
                        .toleratedRequestFaults(Set.of(DescriptorRules.ATTRIBUTES_RESERVED,
                                DescriptorRules.PERMISSIONS_RESERVED))
                        .wholeConstituentFragments(true)
                        .fragmentSenderField(MemoryChoices.FragmentSenderField.ZERO_FROM_PARTITIONS)
                        .maxFragments(OptionalInt.of(20))
                        .maxTransactions(OptionalInt.of(100))
                        .retrieveSenderMismatchError(FfaError.DENIED)
                        .executeOnNormalWorldMemory(false)
                        .twoBitSecurityField(true)
                        .build())
                // src/api.c api_ffa_notification_*, src/ffa/spmc/notifications.c, src/vm.c: reserved registers
                // ignored, BIND without a bitmap NOT_SUPPORTED, DESTROY drops bindings, and GET for a VM
                // without a bitmap fails CHECK() (panic: no answer).
                .notifications(ConformingSpmc.notifications().toBuilder()
                        .rejectsNonZeroReserved(false)
                        .bindWithoutBitmap(Optional.of(FfaError.NOT_SUPPORTED))
                        .destroyRefusesBindings(false)
                        .getForVmWithoutBitmap(Optional.empty())
                        .build())
                .build();
    }

    /**
     * OP-TEE as S-EL1 SPMC (core/arch/arm/kernel/thread_spmc.c), FF-A v1.2. From source; not
     * verified on a running build here.
     */
    public static SpmcProfile optee() {
        Set<FfaFunction> normal = EnumSet.of(FFA_ERROR, FFA_SUCCESS, FFA_VERSION, FFA_FEATURES, FFA_ID_GET,
                FFA_SPM_ID_GET, FFA_PARTITION_INFO_GET, FFA_RXTX_MAP, FFA_RXTX_UNMAP, FFA_RX_RELEASE,
                FFA_MSG_SEND_DIRECT_REQ, FFA_MEM_SHARE, FFA_MEM_LEND, FFA_MEM_RECLAIM, FFA_MEM_FRAG_TX,
                FFA_NOTIFICATION_BITMAP_CREATE, FFA_NOTIFICATION_BITMAP_DESTROY, FFA_NOTIFICATION_BIND,
                FFA_NOTIFICATION_UNBIND, FFA_NOTIFICATION_SET, FFA_NOTIFICATION_GET, FFA_NOTIFICATION_INFO_GET);
        return ConformingSpmc.profile()
                .name("optee")
                .description("OP-TEE as S-EL1 SPMC, FF-A v1.2; from OP-TEE source, August 2026, not yet run here")
                .version(SpecVersion.of(1, 2))
                .versionPolicy(ConformingSpmc.versionPolicy().toBuilder()
                        .onIncompatible(VersionPolicy.OnIncompatible.OWN_VERSION)
                        .recording(VersionPolicy.Recording.MINIMUM)
                        .afterClose(VersionPolicy.AfterClose.RENEGOTIATES)
                        .build())
                .functions(new FunctionAvailability(ids(normal), Set.of()))
                .discovery(ConformingSpmc.discovery().toBuilder()
                        .functionProperties(Map.of(FFA_MEM_SHARE.smc32().orElseThrow(), 1,
                                FFA_MEM_SHARE.smc64().orElseThrow(), 1))
                        .retrieveNsBit(DiscoveryChoices.RetrieveNsBit.IGNORED)
                        .descriptorsPerUuid(DiscoveryChoices.DescriptorsPerUuid.EVERY_CALLER)
                        .build())
                .mailbox(ConformingSpmc.mailbox().toBuilder().reportsMaximumPageCount(false).build())
                // thread_spmc.c handle_direct_request (its own partition ignores w2), spmc_sp_handler.c
                // ffa_handle_sp_direct_req (NOT_SUPPORTED for a non-receiver). Partitions call nothing here and there is
                // no REQ2, RESP, MSG_WAIT, RUN, YIELD or MSG_SEND2, so the remaining values are never used.
                .messaging(ConformingSpmc.messaging().toBuilder()
                        .nonReceiverError(FfaError.NOT_SUPPORTED)
                        .partitionMessageFlagsError(Optional.empty())
                        .partitionToNormalWorldError(FfaError.NOT_SUPPORTED)
                        .req2ChecksReceiverVersion(false)
                        .normalWorldResponseError(FfaError.NOT_SUPPORTED)
                        .rejectsNonZeroReserved(false)
                        .msgWaitReleasesRx(false)
                        .partitionRunError(Optional.of(FfaError.NOT_SUPPORTED))
                        .partitionInterruptError(FfaError.NOT_SUPPORTED)
                        .build())
                // thread_spmc.c handle_mem_op/mem_op_init, mobj_ffa.c: OP-TEE itself is the only borrower (access
                // exactly 0x02), sender and most reserved fields unread, no RX/TX is DENIED, no retrieve (the
                // retrieve-side fields are unused), reclaim w3 MBZ, handles are a free index with bit 44 set.
                .memory(ConformingSpmc.memory().toBuilder()
                        .receivers(MemoryChoices.ReceiverPolicy.OWN_PARTITION_ONLY)
                        .maxBorrowers(255)
                        .senderMustActForCaller(false)
                        .checksSenderAccess(false)
                        .sendFlags(MemoryChoices.SendFlags.LOW_BYTE_IGNORED)
                        .unalignedLengthError(Optional.empty())
                        .toleratedSendFaults(Set.of(DescriptorRules.HEADER_RESERVED, DescriptorRules.ATTRIBUTES_RESERVED,
                                DescriptorRules.EMAD_RESERVED, DescriptorRules.PERMISSIONS_RESERVED,
                                DescriptorRules.COMPOSITE_RESERVED, DescriptorRules.CONSTITUENT_RESERVED,
                                DescriptorRules.COMPOSITE_OFFSET_EQUAL, DescriptorRules.CONSTITUENT_OVERLAP,
                                DescriptorRules.EMAD_SIZE))
                        .bufferError(FfaError.DENIED)
                        .descriptorBufferSupported(true)
                        .tracksOwnership(false)
                        .overlapError(Optional.empty())
                        .fragmentSenderField(MemoryChoices.FragmentSenderField.IGNORED)
                        .abandonsSendOnFragmentError(true)
                        .handles(MemoryChoices.HandleScheme.FIRST_FREE_INDEX_BIT_44)
                        .retrieveCounting(MemoryChoices.RetrieveCounting.PER_TRANSACTION)
                        .retrieveFlags(MemoryChoices.RetrieveFlags.TYPE_ONLY)
                        .checksRetrieverPermissions(false)
                        .executeOnNormalWorldMemory(false)
                        .responseShape(MemoryChoices.ResponseShape.SENT_DESCRIPTOR)
                        .responseNsBit(MemoryChoices.NsBit.NORMAL_WORLD_MEMORY_FROM_V1_1)
                        .relinquishFlags(MemoryChoices.ClearFlag.MUST_BE_ZERO)
                        .reclaimFlags(MemoryChoices.ClearFlag.MUST_BE_ZERO)
                        .fragRxReportsSender(false)
                        .build())
                // thread_spmc.c handle_notification_*: one bitmap, VM 0's (CFG_NS_VIRTUALIZATION=n), no
                // FFA_NOTIFICATION_SET case in thread_spmc_msg_recv, bound IDs kept without their sender,
                // GET reads only the SP bitmap.
                .notifications(ConformingSpmc.notifications().toBuilder()
                        .dispatched(EnumSet.of(FFA_NOTIFICATION_BITMAP_CREATE, FFA_NOTIFICATION_BITMAP_DESTROY,
                                FFA_NOTIFICATION_BIND, FFA_NOTIFICATION_UNBIND, FFA_NOTIFICATION_GET,
                                FFA_NOTIFICATION_INFO_GET))
                        .vmBitmaps(NotificationChoices.VmBitmaps.VM_ZERO_ONLY)
                        .bindFlagsError(FfaError.DENIED)
                        .rejectsEmptyBitmap(false)
                        .bindings(NotificationChoices.Bindings.RECEIVER_WIDE)
                        .bindWithoutBitmap(Optional.empty())
                        .destroyWithoutBitmap(Optional.empty())
                        .getBitmaps(NotificationChoices.GetBitmaps.SP_ONLY)
                        .checksGetVcpuId(false)
                        .infoGetReporting(NotificationChoices.InfoGetReporting.WHILE_PENDING)
                        .build())
                .build();
    }

    private static Set<FfaFunction> union(Set<FfaFunction> base, FfaFunction... more) {
        Set<FfaFunction> all = EnumSet.copyOf(base);
        all.addAll(List.of(more));
        return all;
    }

    private static Set<FunctionId> without(Set<FunctionId> ids, FunctionId removed) {
        Set<FunctionId> fewer = new HashSet<>(ids);
        fewer.remove(removed);
        return fewer;
    }

    /** Every identifier (SMC32 and SMC64) of each function. */
    private static Set<FunctionId> ids(Set<FfaFunction> functions) {
        Set<FunctionId> ids = new HashSet<>();
        for (FfaFunction function : functions) {
            function.smc32().ifPresent(ids::add);
            function.smc64().ifPresent(ids::add);
        }
        return ids;
    }
}
