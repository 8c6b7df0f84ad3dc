package org.fwcts.model.profile;

import static org.fwcts.model.ffa.FfaFunction.*;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.FunctionAvailability;
import org.fwcts.model.ffa.RegisterConvention;
import org.fwcts.model.ffa.VersionPolicy;
import org.fwcts.model.ffa.discovery.DiscoveryChoices;
import org.fwcts.model.ffa.memory.MemoryChoices;
import org.fwcts.model.ffa.messaging.MessagingChoices;
import org.fwcts.model.ffa.notification.NotificationChoices;
import org.fwcts.model.ffa.rxtx.MailboxChoices;
import org.fwcts.model.ffa.spmc.SpmcProfile;
import org.fwcts.model.smccc.FunctionId;

/**
 * The SPMC implementations FWCTS knows, one method each: every implementation-defined choice of
 * an implementation is in its method, so two profiles compare line by line.
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
        return new SpmcProfile("tfa-el3-spmc",
                "TF-A EL3 SPMC (SPD=spmd SPMC_AT_EL3=1), FF-A v1.2; from TF-A source, August 2026",
                SpecVersion.of(1, 2),
                // spmc_smc_handler: any other call closes negotiation and is NOT_SUPPORTED until a
                // version was agreed; afterwards FFA_VERSION reports the agreed version.
                // The SPMD in front of it answers FFA_ID_GET and FFA_SPM_ID_GET itself (spmd_main.c),
                // so those calls neither need nor close the SPMC's negotiation.
                new VersionPolicy(VersionPolicy.OnIncompatible.OWN_VERSION, VersionPolicy.Recording.REQUESTED,
                        VersionPolicy.AfterClose.REPORTS_AGREED, true, SpecVersion.of(1, 0),
                        EnumSet.of(FFA_ID_GET, FFA_SPM_ID_GET)),
                // ffa_features_handler lists FFA_SUCCESS_SMC32 only; spmc_smc_handler has no per-world
                // gate, so it still dispatches direct responses and relinquish from the normal world,
                // and sends, reclaim and FRAG_RX from partitions (answered by their handlers).
                new FunctionAvailability(without(ids(normal), FFA_SUCCESS.smc64().orElseThrow()),
                        without(ids(secure), FFA_SUCCESS.smc64().orElseThrow()),
                        ids(EnumSet.of(FFA_MSG_SEND_DIRECT_RESP, FFA_MSG_SEND_DIRECT_RESP2, FFA_MEM_RELINQUISH)),
                        ids(EnumSet.of(FFA_MEM_SHARE, FFA_MEM_LEND, FFA_MEM_RECLAIM, FFA_MEM_FRAG_RX))),
                // SMC_RET1..SMC_RET4 leave the registers they do not write as the caller passed them.
                new RegisterConvention(false, true),
                new DiscoveryChoices(EndpointId.SPMC, Map.of(), Map.of(), Map.of(), FfaError.NOT_SUPPORTED,
                        DiscoveryChoices.RetrieveNsBit.NORMAL_WORLD_CLEARS_PARTITIONS_SET,
                        0, 24, Optional.empty(), FfaError.BUSY, FfaError.BUSY,
                        DiscoveryChoices.DescriptorsPerUuid.EVERY_CALLER),
                // FFA_RXTX_PAGE_COUNT_MASK is 0x1F; FFA_FEATURES(RXTX_MAP) returns w2 = 0.
                new MailboxChoices(0, 0x1F, 0x1F, false),
                // spmc_main.c direct_req/resp_smc_handler, msg_wait_handler, ffa_run_handler (no FFA_YIELD, FFA_INTERRUPT
                // handler or FFA_MSG_SEND2); partitions may only message EL3 logical partitions; spmd_main.c in front.
                new MessagingChoices(FfaError.DENIED, Optional.of(FfaError.INVALID_PARAMETERS),
                        FfaError.INVALID_PARAMETERS, Optional.of(FfaError.INVALID_PARAMETERS),
                        FfaError.NOT_SUPPORTED, false, Optional.empty(), FfaError.INVALID_PARAMETERS,
                        MessagingChoices.ResponseDestination.KNOWN_ENDPOINT_FIRST,
                        MessagingChoices.Resp2Reserved.X2_CHECKED, false, false, FfaError.INVALID_PARAMETERS,
                        Optional.of(FfaError.INVALID_PARAMETERS), FfaError.NOT_SUPPORTED,
                        Optional.of(FfaError.INVALID_PARAMETERS), FfaError.NOT_SUPPORTED),
                // spmc_shared_mem.c: NWd-only sends to known SPs, flags 0 or the type, few structural checks, an
                // unaligned total length fails the allocation, in_use counts retrievals, the response is the stored
                // descriptor (NS set for v1.1+ SPs), relinquish/reclaim flags MBZ, handles counted from 0xFFFFFFC0.
                new MemoryChoices(
                        MemoryChoices.ReceiverPolicy.KNOWN_PARTITIONS, // receivers
                        Integer.MAX_VALUE, // maxBorrowers
                        true, // senderMustActForCaller
                        false, // checksSenderAccess
                        MemoryChoices.SendFlags.TYPE_ONLY, // sendFlags
                        Optional.of(FfaError.NO_MEMORY), // unalignedLengthError
                        Set.of(org.fwcts.model.ffa.memory.DescriptorRules.HEADER_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.ATTRIBUTES_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.EMAD_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.PERMISSIONS_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.COMPOSITE_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.CONSTITUENT_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.CONSTITUENT_ALIGNMENT,
                                org.fwcts.model.ffa.memory.DescriptorRules.CONSTITUENT_EMPTY,
                                org.fwcts.model.ffa.memory.DescriptorRules.CONSTITUENT_OVERLAP,
                                org.fwcts.model.ffa.memory.DescriptorRules.EMAD_SIZE), // toleratedSendFaults
                        Set.of(org.fwcts.model.ffa.memory.DescriptorRules.HEADER_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.ATTRIBUTES_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.EMAD_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.PERMISSIONS_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.EMAD_SIZE,
                                org.fwcts.model.ffa.memory.DescriptorRules.LENGTH_WITHOUT_COMPOSITE,
                                org.fwcts.model.ffa.memory.DescriptorRules.LENGTH_ALIGNMENT,
                                org.fwcts.model.ffa.memory.DescriptorRules.COMPOSITE_OFFSET_EQUAL,
                                org.fwcts.model.ffa.memory.DescriptorRules.COMPOSITE_OFFSET_ALIGNMENT,
                                org.fwcts.model.ffa.memory.DescriptorRules.COMPOSITE_OFFSET_PLACEMENT,
                                org.fwcts.model.ffa.memory.DescriptorRules.COMPOSITE_BOUNDS,
                                org.fwcts.model.ffa.memory.DescriptorRules.CONSTITUENT_COUNT,
                                org.fwcts.model.ffa.memory.DescriptorRules.COMPOSITE_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.CONSTITUENT_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.CONSTITUENT_ALIGNMENT,
                                org.fwcts.model.ffa.memory.DescriptorRules.CONSTITUENT_EMPTY,
                                org.fwcts.model.ffa.memory.DescriptorRules.CONSTITUENT_OVERLAP,
                                org.fwcts.model.ffa.memory.DescriptorRules.TOTAL_PAGE_COUNT), // toleratedRequestFaults
                        FfaError.INVALID_PARAMETERS, // bufferError
                        false, // descriptorBufferSupported
                        false, // tracksOwnership
                        Optional.of(FfaError.INVALID_PARAMETERS), // overlapError
                        false, // wholeConstituentFragments
                        MemoryChoices.FragmentSenderField.SENDER_ID, // fragmentSenderField
                        true, // abandonsSendOnFragmentError
                        java.util.OptionalInt.empty(), // maxFragments
                        java.util.OptionalInt.empty(), // maxTransactions
                        MemoryChoices.HandleScheme.COUNTER_FROM_FFFFFFC0, // handles
                        MemoryChoices.RetrieveCounting.PER_TRANSACTION, // retrieveCounting
                        FfaError.DENIED, // rxBusyError
                        FfaError.INVALID_PARAMETERS, // retrieveSenderMismatchError
                        MemoryChoices.RetrieveFlags.TYPE_ONLY, // retrieveFlags
                        false, // checksRetrieverPermissions
                        true, // executeOnNormalWorldMemory
                        MemoryChoices.ResponseShape.SENT_DESCRIPTOR, // responseShape
                        MemoryChoices.NsBit.NORMAL_WORLD_MEMORY_FROM_V1_1, // responseNsBit
                        MemoryChoices.ClearFlag.MUST_BE_ZERO, // relinquishFlags
                        MemoryChoices.ClearFlag.MUST_BE_ZERO, // reclaimFlags
                        true, // fragRxReportsSender
                        false), // twoBitSecurityField
                // spmc_main.c spmc_smc_handler has no case for the notification functions (the
                // availability above already refuses them).
                NotificationChoices.NOT_IMPLEMENTED);
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
        return new SpmcProfile("hafnium",
                "Hafnium SPMC at S-EL2, FF-A v1.3; from Hafnium source, August 2026, not yet run here",
                SpecVersion.of(1, 3),
                new VersionPolicy(VersionPolicy.OnIncompatible.NOT_SUPPORTED, VersionPolicy.Recording.REQUESTED,
                        VersionPolicy.AfterClose.SAME_VERSION_ONLY, false, SpecVersion.of(1, 0)),
                // handler.c dispatches RELINQUISH and RECLAIM whoever calls; FFA_FEATURES reports
                // each to one world only.
                new FunctionAvailability(normal, secure, ids(EnumSet.of(FFA_MEM_RELINQUISH)),
                        ids(EnumSet.of(FFA_MEM_RECLAIM))),
                RegisterConvention.SPEC,
                // SRI (8) is reported to the normal world, NPI (5) and MEI (4) to partitions.
                new DiscoveryChoices(EndpointId.SPMC, Map.of(2, 8), Map.of(1, 5, 3, 4), Map.of(),
                        FfaError.NOT_SUPPORTED, DiscoveryChoices.RetrieveNsBit.V1_1_CALLERS_MUST_SET,
                        8, 48, Optional.of(FfaError.INVALID_PARAMETERS), FfaError.BUSY, FfaError.BUSY,
                        DiscoveryChoices.DescriptorsPerUuid.FROM_V1_2),
                // RXTX_MAX_PAGE_COUNT defaults to 1.
                new MailboxChoices(0, 1, 0xFFFF_FFFF, true),
                // api.c api_ffa_msg_send_direct_req/resp, api_ffa_msg_wait, api_ffa_run, api_yield, api_ffa_msg_send2;
                // ffa/spmc/direct_messaging.c, cpu_cycles.c, indirect_messaging.c; handler.c (FFA_INTERRUPT, FFA_RUN x8-x17).
                new MessagingChoices(FfaError.DENIED, Optional.of(FfaError.INVALID_PARAMETERS),
                        FfaError.INVALID_PARAMETERS, Optional.empty(), FfaError.DENIED, true,
                        Optional.of(FfaError.INVALID_PARAMETERS), FfaError.INVALID_PARAMETERS,
                        MessagingChoices.ResponseDestination.NOT_SELF_FIRST, MessagingChoices.Resp2Reserved.CLEARED,
                        true, true, FfaError.DENIED, Optional.empty(), FfaError.DENIED, Optional.empty(),
                        FfaError.DENIED),
                // src/ffa_memory.c, src/api.c, src/ffa/spmc/ffa_memory.c (default build: MAX_MEM_SHARE_RECIPIENTS 2,
                // MAX_MEM_SHARES 100, MAX_FRAGMENTS 20, no RME): the §4 permission rules, page ownership tracked,
                // retrieve once per borrower, one-EMAD responses with the granted permissions and tag 0.
                new MemoryChoices(
                        MemoryChoices.ReceiverPolicy.HAFNIUM_SPMC, // receivers
                        2, // maxBorrowers
                        true, // senderMustActForCaller
                        true, // checksSenderAccess
                        MemoryChoices.SendFlags.ZERO_MEMORY_ONLY, // sendFlags
                        Optional.of(FfaError.INVALID_PARAMETERS), // unalignedLengthError
                        Set.of(org.fwcts.model.ffa.memory.DescriptorRules.ATTRIBUTES_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.PERMISSIONS_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.COMPOSITE_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.CONSTITUENT_RESERVED), // toleratedSendFaults
                        Set.of(org.fwcts.model.ffa.memory.DescriptorRules.ATTRIBUTES_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.PERMISSIONS_RESERVED), // toleratedRequestFaults
                        FfaError.INVALID_PARAMETERS, // bufferError
                        false, // descriptorBufferSupported
                        true, // tracksOwnership
                        Optional.of(FfaError.DENIED), // overlapError
                        true, // wholeConstituentFragments
                        MemoryChoices.FragmentSenderField.ZERO_FROM_PARTITIONS, // fragmentSenderField
                        false, // abandonsSendOnFragmentError
                        java.util.OptionalInt.of(20), // maxFragments
                        java.util.OptionalInt.of(100), // maxTransactions
                        MemoryChoices.HandleScheme.FIRST_FREE_SLOT, // handles
                        MemoryChoices.RetrieveCounting.ONCE_PER_BORROWER, // retrieveCounting
                        FfaError.BUSY, // rxBusyError
                        FfaError.DENIED, // retrieveSenderMismatchError
                        MemoryChoices.RetrieveFlags.FULL, // retrieveFlags
                        true, // checksRetrieverPermissions
                        false, // executeOnNormalWorldMemory
                        MemoryChoices.ResponseShape.RETRIEVER_ONLY, // responseShape
                        MemoryChoices.NsBit.NORMAL_WORLD_MEMORY, // responseNsBit
                        MemoryChoices.ClearFlag.ZERO_MEMORY_BIT, // relinquishFlags
                        MemoryChoices.ClearFlag.ZERO_MEMORY_BIT, // reclaimFlags
                        true, // fragRxReportsSender
                        true), // twoBitSecurityField
                // src/api.c api_ffa_notification_*, src/ffa/spmc/notifications.c, src/vm.c: bitmaps for any
                // VM, senders recorded per world, INFO_GET lists a notification once, and GET for a VM
                // without a bitmap fails CHECK() (panic: no answer).
                new NotificationChoices(NotificationChoices.ALL, NotificationChoices.VmBitmaps.ANY_VM, false,
                        FfaError.INVALID_PARAMETERS, true, NotificationChoices.Bindings.PER_SENDER,
                        Optional.of(FfaError.NOT_SUPPORTED), Optional.of(FfaError.DENIED), false,
                        NotificationChoices.GetBitmaps.ALL_CHECKED, true, Optional.empty(),
                        NotificationChoices.InfoGetReporting.ONCE_UNTIL_RETRIEVED));
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
        return new SpmcProfile("optee",
                "OP-TEE as S-EL1 SPMC, FF-A v1.2; from OP-TEE source, August 2026, not yet run here",
                SpecVersion.of(1, 2),
                new VersionPolicy(VersionPolicy.OnIncompatible.OWN_VERSION, VersionPolicy.Recording.MINIMUM,
                        VersionPolicy.AfterClose.RENEGOTIATES, false, SpecVersion.of(1, 0)),
                new FunctionAvailability(ids(normal), Set.of()),
                RegisterConvention.SPEC,
                new DiscoveryChoices(EndpointId.SPMC, Map.of(), Map.of(),
                        Map.of(FFA_MEM_SHARE.smc32().orElseThrow(), 1, FFA_MEM_SHARE.smc64().orElseThrow(), 1),
                        FfaError.NOT_SUPPORTED, DiscoveryChoices.RetrieveNsBit.IGNORED,
                        8, 24, Optional.of(FfaError.INVALID_PARAMETERS), FfaError.BUSY, FfaError.BUSY,
                        DiscoveryChoices.DescriptorsPerUuid.EVERY_CALLER),
                new MailboxChoices(0, 1, 0xFFFF_FFFF, false),
                // thread_spmc.c handle_direct_request (its own partition ignores w2), spmc_sp_handler.c
                // ffa_handle_sp_direct_req (NOT_SUPPORTED for a non-receiver). Partitions call nothing here and there is
                // no REQ2, RESP, MSG_WAIT, RUN, YIELD or MSG_SEND2, so the remaining values are never used.
                new MessagingChoices(FfaError.NOT_SUPPORTED, Optional.empty(), FfaError.NOT_SUPPORTED,
                        Optional.empty(), FfaError.NOT_SUPPORTED, false, Optional.of(FfaError.INVALID_PARAMETERS),
                        FfaError.NOT_SUPPORTED, MessagingChoices.ResponseDestination.KNOWN_ENDPOINT_FIRST,
                        MessagingChoices.Resp2Reserved.X2_CHECKED, false, false, FfaError.INVALID_PARAMETERS,
                        Optional.of(FfaError.NOT_SUPPORTED), FfaError.NOT_SUPPORTED,
                        Optional.of(FfaError.INVALID_PARAMETERS), FfaError.NOT_SUPPORTED),
                // thread_spmc.c handle_mem_op/mem_op_init, mobj_ffa.c: OP-TEE itself is the only borrower (access
                // exactly 0x02), sender and most reserved fields unread, no RX/TX is DENIED, no retrieve (the
                // retrieve-side fields are unused), reclaim w3 MBZ, handles are a free index with bit 44 set.
                new MemoryChoices(
                        MemoryChoices.ReceiverPolicy.OWN_PARTITION_ONLY, // receivers
                        255, // maxBorrowers
                        false, // senderMustActForCaller
                        false, // checksSenderAccess
                        MemoryChoices.SendFlags.LOW_BYTE_IGNORED, // sendFlags
                        Optional.empty(), // unalignedLengthError
                        Set.of(org.fwcts.model.ffa.memory.DescriptorRules.HEADER_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.ATTRIBUTES_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.EMAD_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.PERMISSIONS_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.COMPOSITE_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.CONSTITUENT_RESERVED,
                                org.fwcts.model.ffa.memory.DescriptorRules.COMPOSITE_OFFSET_EQUAL,
                                org.fwcts.model.ffa.memory.DescriptorRules.CONSTITUENT_OVERLAP,
                                org.fwcts.model.ffa.memory.DescriptorRules.EMAD_SIZE), // toleratedSendFaults
                        Set.of(), // toleratedRequestFaults
                        FfaError.DENIED, // bufferError
                        true, // descriptorBufferSupported
                        false, // tracksOwnership
                        Optional.empty(), // overlapError
                        false, // wholeConstituentFragments
                        MemoryChoices.FragmentSenderField.IGNORED, // fragmentSenderField
                        true, // abandonsSendOnFragmentError
                        java.util.OptionalInt.empty(), // maxFragments
                        java.util.OptionalInt.empty(), // maxTransactions
                        MemoryChoices.HandleScheme.FIRST_FREE_INDEX_BIT_44, // handles
                        MemoryChoices.RetrieveCounting.PER_TRANSACTION, // retrieveCounting
                        FfaError.BUSY, // rxBusyError
                        FfaError.INVALID_PARAMETERS, // retrieveSenderMismatchError
                        MemoryChoices.RetrieveFlags.TYPE_ONLY, // retrieveFlags
                        false, // checksRetrieverPermissions
                        false, // executeOnNormalWorldMemory
                        MemoryChoices.ResponseShape.SENT_DESCRIPTOR, // responseShape
                        MemoryChoices.NsBit.NORMAL_WORLD_MEMORY_FROM_V1_1, // responseNsBit
                        MemoryChoices.ClearFlag.MUST_BE_ZERO, // relinquishFlags
                        MemoryChoices.ClearFlag.MUST_BE_ZERO, // reclaimFlags
                        false, // fragRxReportsSender
                        false), // twoBitSecurityField
                // thread_spmc.c handle_notification_*: one bitmap, VM 0's (CFG_NS_VIRTUALIZATION=n), no
                // FFA_NOTIFICATION_SET case in thread_spmc_msg_recv, reserved registers checked, bound IDs
                // kept without their sender, GET reads only the SP bitmap.
                new NotificationChoices(EnumSet.of(FFA_NOTIFICATION_BITMAP_CREATE, FFA_NOTIFICATION_BITMAP_DESTROY,
                        FFA_NOTIFICATION_BIND, FFA_NOTIFICATION_UNBIND, FFA_NOTIFICATION_GET, FFA_NOTIFICATION_INFO_GET),
                        NotificationChoices.VmBitmaps.VM_ZERO_ONLY, true, FfaError.DENIED, false,
                        NotificationChoices.Bindings.RECEIVER_WIDE, Optional.empty(), Optional.empty(), true,
                        NotificationChoices.GetBitmaps.SP_ONLY, false, Optional.of(FfaError.INVALID_PARAMETERS),
                        NotificationChoices.InfoGetReporting.WHILE_PENDING));
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
