package org.fwcts.model.mediator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.FfaResults;
import org.fwcts.model.ffa.RegisterConvention;
import org.fwcts.model.ffa.Uuid;
import org.fwcts.model.ffa.discovery.PartitionInfoDescriptor;
import org.fwcts.model.ffa.discovery.PartitionInfoLayout;
import org.fwcts.model.ffa.discovery.PartitionInfoRx;
import org.fwcts.model.prediction.Prediction;

/**
 * Xen's FF-A mediator in front of the SPMC: predicts each FF-A call a guest VM makes, answering
 * it as the mediator does or passing it to the SPMC model. Pure: the same setup, state and call
 * always give the same outcome.
 *
 * <p>Guests are taken as AArch64. Xen checks that RX/TX and shared pages are the guest's normal
 * RAM; the model takes every page-aligned address as such.
 */
public final class XenFfaMediator {
    /** ffa_set_regs writes w1..w7; x8..x17 are left to the convention of the guest's version: not checked. */
    private static final RegisterConvention ANSWERS = new RegisterConvention(true, false);
    /** SMCCC's unknown-function answer writes x0 alone. */
    private static final RegisterConvention UNKNOWN = new RegisterConvention(false, false);
    private static final long UNKNOWN_FUNCTION = 0xFFFF_FFFFL;
    private static final int V1_0 = 0x1_0000;
    private static final int V1_2 = 0x1_0002;
    /** FFA_PART_VM_PROP | FFA_PART_PROP_AARCH64_STATE (ffa_private.h). */
    public static final int VM_PROPERTIES = 0x0E | 0x100;
    private static final int NPI_INTID = 8;
    private static final int SRI_INTID = 9;

    private final MediatorSetup setup;
    private final SecureSide secure;
    private final MediatorMemory memory;

    public XenFfaMediator(MediatorSetup setup, SecureSide secure) {
        this.setup = setup;
        this.secure = secure;
        this.memory = new MediatorMemory(setup, secure);
    }

    public MediatorSetup setup() {
        return setup;
    }

    /** Whether {@code caller} is one of the mediator's VMs. */
    public boolean serves(EndpointId caller) {
        return setup.vm(caller).isPresent();
    }

    /** Predicts FF-A call {@code call} from one of the VMs. */
    public MediatorOutcome step(MediatorState state, FfaCall call) {
        VmEndpoint vm = setup.vm(call.caller()).orElseThrow(() ->
                new IllegalArgumentException(call.caller() + " is not a VM of this mediator"));
        Registers r = call.registers();
        if (!vm.mediatorAttached()) {
            return answered(FfaResults.forCall(r, UNKNOWN).value(0, UNKNOWN_FUNCTION, MediatorRules.NOT_ATTACHED)
                    .build(vm.id() + " has no FF-A mediator: SMCCC unknown function"), state);
        }
        long fid = r.x(0) & 0xFFFF_FFFFL;
        MediatorChoices choices = setup.choices();
        EndpointId id = vm.id();
        VmState self = state.vm(id);
        if (choices.negotiationGated() && !self.agreed()) {
            if (fid == FfaFunction.FFA_VERSION.x0()) {
                return version(r, state.with(id, self.withPending(negotiated((int) r.x(1)))));
            }
            if (self.pendingVersion() == 0) {
                return error(r, FfaError.NOT_SUPPORTED, MediatorRules.VERSION_FIRST, state,
                        id + " has not called FFA_VERSION");
            }
            self = self.withAgreed(self.pendingVersion());
            state = state.with(id, self);
            if (setup.vmToVm()) {
                state = state.listing(id);
            }
        }
        return dispatch(state, vm, self, call, fid);
    }

    private MediatorOutcome dispatch(MediatorState state, VmEndpoint vm, VmState self, FfaCall call, long fid) {
        Registers r = call.registers();
        if (fid == FfaFunction.FFA_VERSION.x0()) {
            return setup.choices().negotiationGated() ? version(r, state) : versionUngated(r, state, vm.id(), self);
        }
        if (fid == FfaFunction.FFA_ID_GET.x0()) {
            return answered(results(r).success(MediatorRules.ID).value(2, vm.id().value(), MediatorRules.ID)
                    .build("FFA_ID_GET: " + vm.id() + " (domain " + vm.domainId() + " + 1)"), state);
        }
        if (fid == FfaFunction.FFA_FEATURES.x0()) {
            return features(r, state, self);
        }
        if (fid == FfaFunction.FFA_RXTX_MAP.x0() || fid == FfaFunction.FFA_RXTX_MAP.x0Smc64()) {
            return map(r, state, vm.id(), self, fid == FfaFunction.FFA_RXTX_MAP.x0());
        }
        if (fid == FfaFunction.FFA_RXTX_UNMAP.x0()) {
            return unmap(r, state, vm.id(), self);
        }
        if (fid == FfaFunction.FFA_RX_RELEASE.x0()) {
            return release(r, state, vm.id(), self);
        }
        if (fid == FfaFunction.FFA_PARTITION_INFO_GET.x0()) {
            return new PartitionInfo(r, state, vm, self).answer();
        }
        if (fid == FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0() || fid == FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0Smc64()) {
            return directRequest(r, state, vm.id(), fid);
        }
        if (setup.choices().sharesFromOwnBuffer() && is(fid, FfaFunction.FFA_MEM_SHARE)) {
            return memory.share(r, call.tx(), state, vm, self);
        }
        if (setup.choices().sharesFromOwnBuffer() && is(fid, FfaFunction.FFA_MEM_RECLAIM)) {
            return memory.reclaim(r, state, vm.id(), self);
        }
        if (handledButUnmodelled(fid)) {
            return new MediatorOutcome.Unmodelled(FfaFunction.of(call.functionId()).map(Enum::name).orElse("0x"
                    + Long.toHexString(fid)) + " through Xen's mediator is not modelled");
        }
        return error(r, FfaError.NOT_SUPPORTED, MediatorRules.NOT_PROVIDED, state,
                "0x" + Long.toHexString(fid) + " is not offered to guests");
    }

    /** ABIs the mediator forwards or emulates that the model does not follow yet. */
    private static boolean handledButUnmodelled(long fid) {
        for (FfaFunction f : List.of(FfaFunction.FFA_MSG_SEND_DIRECT_REQ2, FfaFunction.FFA_RUN, FfaFunction.FFA_MSG_SEND2,
                FfaFunction.FFA_MEM_SHARE, FfaFunction.FFA_MEM_RECLAIM, FfaFunction.FFA_NOTIFICATION_BIND,
                FfaFunction.FFA_NOTIFICATION_UNBIND, FfaFunction.FFA_NOTIFICATION_SET, FfaFunction.FFA_NOTIFICATION_GET,
                FfaFunction.FFA_NOTIFICATION_INFO_GET, FfaFunction.FFA_PARTITION_INFO_GET_REGS)) {
            if (f.smc32().map(id -> (id.value() & 0xFFFF_FFFFL) == fid).orElse(false)
                    || f.smc64().map(id -> (id.value() & 0xFFFF_FFFFL) == fid).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** The version a request selects (4.22): our own for another major or a newer minor, else as asked. */
    private int negotiated(int requested) {
        int own = setup.choices().ownVersion().encode();
        // FFA_VERSION_MAJOR takes bits [30:16]: bit 31 is not checked.
        int major = (requested >>> 16) & 0x7FFF;
        if (major != (own >>> 16) || (requested & 0xFFFF) > (own & 0xFFFF)) {
            return own;
        }
        return requested;
    }

    private MediatorOutcome version(Registers r, MediatorState next) {
        int own = setup.choices().ownVersion().encode();
        return answered(results(r).value(0, own, MediatorRules.VERSION)
                .build("FFA_VERSION: the mediator's own " + setup.choices().ownVersion()), next);
    }

    /** 4.20/4.21: every FFA_VERSION of major 1 sets the version; the first one lists the VM. */
    private MediatorOutcome versionUngated(Registers r, MediatorState state, EndpointId id, VmState self) {
        int requested = (int) r.x(1);
        int own = setup.choices().ownVersion().encode();
        if (((requested >>> 16) & 0x7FFF) == (own >>> 16)) {
            int chosen = (requested & 0xFFFF) > (own & 0xFFFF) ? own : requested;
            state = state.with(id, self.withAgreed(chosen));
            if (setup.vmToVm() && !self.agreed()) {
                state = state.listing(id);
            }
        }
        return version(r, state);
    }

    private MediatorOutcome features(Registers r, MediatorState state, VmState self) {
        MediatorChoices choices = setup.choices();
        if (choices.featuresRejectsInputs()) {
            for (int i = 2; i <= 7; i++) {
                if (r.x(i) != 0) {
                    return error(r, FfaError.NOT_SUPPORTED, MediatorRules.FEATURES, state, "w" + i + " is not zero");
                }
            }
        }
        long queried = r.x(1) & 0xFFFF_FFFFL;
        Optional<Long> w2 = choices.featuresTracksSpmc() ? featuresNow(queried, self) : featuresBefore422(queried);
        if (w2.isEmpty()) {
            return error(r, FfaError.NOT_SUPPORTED, MediatorRules.FEATURES, state,
                    "FFA_FEATURES(0x" + Long.toHexString(queried) + "): not offered");
        }
        return answered(results(r).success(MediatorRules.FEATURES).value(2, w2.get(), MediatorRules.FEATURES)
                .build("FFA_FEATURES(0x" + Long.toHexString(queried) + "): offered, w2 = 0x" + Long.toHexString(w2.get())),
                state);
    }

    /** 4.22 handle_features: w2 of the answer, or empty for NOT_SUPPORTED. */
    private Optional<Long> featuresNow(long queried, VmState self) {
        boolean v12 = Integer.compareUnsigned(self.agreedVersion(), V1_2) >= 0;
        if (queried == 1) {
            return Optional.of((long) NPI_INTID);
        }
        if (queried == 2) {
            return Optional.of((long) SRI_INTID);
        }
        if (is(queried, FfaFunction.FFA_ERROR, FfaFunction.FFA_VERSION, FfaFunction.FFA_INTERRUPT, FfaFunction.FFA_SUCCESS,
                FfaFunction.FFA_FEATURES, FfaFunction.FFA_ID_GET, FfaFunction.FFA_RX_RELEASE, FfaFunction.FFA_RXTX_UNMAP,
                FfaFunction.FFA_MEM_RECLAIM, FfaFunction.FFA_PARTITION_INFO_GET, FfaFunction.FFA_NOTIFICATION_BIND,
                FfaFunction.FFA_NOTIFICATION_UNBIND, FfaFunction.FFA_NOTIFICATION_GET, FfaFunction.FFA_NOTIFICATION_SET,
                FfaFunction.FFA_NOTIFICATION_INFO_GET)) {
            return Optional.of(0L);
        }
        if (is(queried, FfaFunction.FFA_MSG_SEND_DIRECT_REQ, FfaFunction.FFA_RUN)) {
            return secure.supports(queried) ? Optional.of(0L) : Optional.empty();
        }
        if (is(queried, FfaFunction.FFA_MSG_SEND2)) {
            return setup.vmToVm() || (secure.supports(FfaFunction.FFA_MSG_SEND2.x0())
                    && secure.supports(FfaFunction.FFA_RX_ACQUIRE.x0())) ? Optional.of(0L) : Optional.empty();
        }
        if (is(queried, FfaFunction.FFA_MSG_SEND_DIRECT_REQ2)) {
            return v12 && secure.supports(queried) ? Optional.of(0L) : Optional.empty();
        }
        if (is(queried, FfaFunction.FFA_MEM_SHARE)) {
            return secure.supports(FfaFunction.FFA_MEM_SHARE.x0Smc64()) ? Optional.of(0L) : Optional.empty();
        }
        if (is(queried, FfaFunction.FFA_RXTX_MAP)) {
            // From v1.2, w2[31:16] is the most pages the buffers may have: one (FFA_MAX_RXTX_PAGE_COUNT).
            return Optional.of(v12 ? 1L << 16 : 0L);
        }
        if (is(queried, FfaFunction.FFA_PARTITION_INFO_GET_REGS)) {
            return v12 ? Optional.of(0L) : Optional.empty();
        }
        return Optional.empty();
    }

    /** 4.20/4.21 handle_features. */
    private static Optional<Long> featuresBefore422(long queried) {
        if (queried == 1) {
            return Optional.of((long) NPI_INTID);
        }
        if (queried == 2) {
            return Optional.of((long) SRI_INTID);
        }
        if (is(queried, FfaFunction.FFA_ERROR, FfaFunction.FFA_VERSION, FfaFunction.FFA_SUCCESS, FfaFunction.FFA_FEATURES,
                FfaFunction.FFA_ID_GET, FfaFunction.FFA_RX_RELEASE, FfaFunction.FFA_RXTX_UNMAP, FfaFunction.FFA_MEM_RECLAIM,
                FfaFunction.FFA_PARTITION_INFO_GET, FfaFunction.FFA_MSG_SEND_DIRECT_REQ, FfaFunction.FFA_MSG_SEND2,
                FfaFunction.FFA_MEM_SHARE, FfaFunction.FFA_RXTX_MAP, FfaFunction.FFA_NOTIFICATION_BIND,
                FfaFunction.FFA_NOTIFICATION_UNBIND, FfaFunction.FFA_NOTIFICATION_GET, FfaFunction.FFA_NOTIFICATION_SET,
                FfaFunction.FFA_NOTIFICATION_INFO_GET)) {
            return Optional.of(0L);
        }
        return Optional.empty();
    }

    /** Whether {@code fid} is the SMC32 or SMC64 identifier of one of {@code functions}. */
    private static boolean is(long fid, FfaFunction... functions) {
        for (FfaFunction f : functions) {
            if (f.smc32().map(id -> (id.value() & 0xFFFF_FFFFL) == fid).orElse(false)
                    || f.smc64().map(id -> (id.value() & 0xFFFF_FFFFL) == fid).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private MediatorOutcome map(Registers r, MediatorState state, EndpointId id, VmState self, boolean smc32) {
        long tx = smc32 ? r.x(1) & 0xFFFF_FFFFL : r.x(1);
        long rx = smc32 ? r.x(2) & 0xFFFF_FFFFL : r.x(2);
        long pages = r.x(3) & 0xFFFF_FFFFL;
        boolean aligned = tx % VmMailbox.PAGE == 0 && rx % VmMailbox.PAGE == 0;
        if (pages > 1) {
            return error(r, FfaError.INVALID_PARAMETERS, MediatorRules.RXTX_MAP, state, pages + " pages (one at most)");
        }
        if (setup.choices().mapChecksCountAndAlignment() && (pages == 0 || !aligned)) {
            return error(r, FfaError.INVALID_PARAMETERS, MediatorRules.RXTX_MAP, state,
                    pages == 0 ? "0 pages" : "buffers not 4K-aligned");
        }
        if (self.mailbox().isPresent()) {
            return error(r, FfaError.DENIED, MediatorRules.RXTX_MAP, state, id + " already has buffers mapped");
        }
        if (pages == 0 || !aligned) {
            return new MediatorOutcome.Unmodelled("Xen " + setup.choices().release()
                    + " maps a zero-page or unaligned RX/TX pair without checking: not modelled");
        }
        return answered(results(r).success(MediatorRules.RXTX_MAP).build("FFA_RXTX_MAP: the mediator maps "
                + id + "'s buffers"), state.with(id, self.withMailbox(Optional.of(new VmMailbox(tx, rx, true)))));
    }

    private MediatorOutcome unmap(Registers r, MediatorState state, EndpointId id, VmState self) {
        if (self.mailbox().isEmpty()) {
            return error(r, FfaError.INVALID_PARAMETERS, MediatorRules.RXTX_UNMAP, state, id + " has no buffers mapped");
        }
        if (setup.choices().unmapDeniedWhileRxOwned() && !self.mailbox().get().rxFree()) {
            return error(r, FfaError.DENIED, MediatorRules.RXTX_UNMAP, state, id + " still owns its RX buffer");
        }
        return answered(results(r).success(MediatorRules.RXTX_UNMAP).build("FFA_RXTX_UNMAP: " + id + "'s buffers unmapped"),
                state.with(id, self.withMailbox(Optional.empty())));
    }

    private MediatorOutcome release(Registers r, MediatorState state, EndpointId id, VmState self) {
        if (self.mailbox().isEmpty() || self.mailbox().get().rxFree()) {
            return error(r, FfaError.DENIED, MediatorRules.RX_RELEASE, state,
                    self.mailbox().isEmpty() ? id + " has no buffers mapped" : id + "'s RX buffer is already free");
        }
        return answered(results(r).success(MediatorRules.RX_RELEASE).build("FFA_RX_RELEASE: " + id + "'s RX buffer is free"),
                state.with(id, self.withMailbox(self.mailbox().map(box -> box.withRxFree(true)))));
    }

    private MediatorOutcome directRequest(Registers r, MediatorState state, EndpointId id, long fid) {
        if (!secure.supports(fid)) {
            return error(r, FfaError.NOT_SUPPORTED, MediatorRules.DIRECT_REQ, state, "the SPMC lacks this direct request");
        }
        long srcDst = r.x(1) & 0xFFFF_FFFFL;
        EndpointId sender = EndpointId.high16(srcDst);
        EndpointId receiver = EndpointId.low16(srcDst);
        if (!sender.equals(id) || (setup.choices().directReqRejectsSelf() && receiver.equals(id))) {
            return error(r, FfaError.INVALID_PARAMETERS, MediatorRules.DIRECT_REQ, state,
                    id + " sends as " + sender + " to " + receiver);
        }
        if (!receiver.isSecure()) {
            return error(r, FfaError.NOT_SUPPORTED, MediatorRules.DIRECT_REQ, state, "direct requests to VMs are not offered");
        }
        long mask = fid == FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0() ? 0xFFFF_FFFFL : -1L;
        long[] forwarded = new long[Registers.COUNT];
        forwarded[0] = fid;
        for (int i = 1; i <= 7; i++) {
            forwarded[i] = r.x(i) & mask;
        }
        // The SPMC sees the normal world's call; the sender in w1 is the VM.
        return new MediatorOutcome.Forward(FfaCall.of(EndpointId.HYPERVISOR, Registers.of(forwarded)), state);
    }

    private static FfaResults results(Registers r) {
        return FfaResults.forCall(r, ANSWERS);
    }

    private static MediatorOutcome answered(Prediction prediction, MediatorState next) {
        return new MediatorOutcome.Answered(new MediatorAnswer(prediction, Optional.empty(), next));
    }

    static MediatorOutcome error(Registers r, FfaError error, Rule rule, MediatorState state, String why) {
        return answered(results(r).error(error, rule).build(error + ": " + why), state);
    }

    /** FFA_PARTITION_INFO_GET as one VM sees it. */
    private final class PartitionInfo {
        private final Registers r;
        private final MediatorState state;
        private final VmEndpoint vm;
        private final VmState self;
        private final Uuid uuid;
        private final int flags;
        private final boolean v10;

        PartitionInfo(Registers r, MediatorState state, VmEndpoint vm, VmState self) {
            this.r = r;
            this.state = state;
            this.vm = vm;
            this.self = self;
            this.uuid = Uuid.fromRegisterWords((int) r.x(1), (int) r.x(2), (int) r.x(3), (int) r.x(4));
            this.flags = (int) r.x(5);
            this.v10 = self.agreedVersion() == V1_0;
        }

        MediatorOutcome answer() {
            List<PartitionInfoDescriptor> sps = sps();
            if (flags != 0) {
                return count(sps);
            }
            Optional<VmMailbox> mailbox = self.mailbox();
            if (mailbox.isEmpty()) {
                return error(r, FfaError.DENIED, MediatorRules.PARTITION_INFO, state, vm.id() + " has no RX buffer mapped");
            }
            if (!mailbox.get().rxFree()) {
                return error(r, FfaError.BUSY, MediatorRules.PARTITION_INFO, state, vm.id() + " still owns its RX buffer");
            }
            if (unknownUuid(sps)) {
                return error(r, FfaError.INVALID_PARAMETERS, MediatorRules.PARTITION_INFO, state, "no SP serves " + uuid);
            }
            PartitionInfoLayout layout = v10 ? PartitionInfoLayout.V1_0 : PartitionInfoLayout.V1_1;
            List<PartitionInfoDescriptor> all = new ArrayList<>();
            for (PartitionInfoDescriptor sp : sps) {
                // ffa_copy_info copies the first 8 bytes of each cached 24-byte entry for a v1.0 caller.
                all.add(layout.hasProtocolUuid() ? sp
                        : PartitionInfoDescriptor.of(sp.id(), sp.executionContextCount(), sp.properties()));
            }
            all.addAll(vms(layout));
            if (all.size() > VmMailbox.PAGE / layout.size()) {
                return error(r, FfaError.NO_MEMORY, MediatorRules.PARTITION_INFO_NO_MEMORY, state,
                        all.size() + " descriptors do not fit one page");
            }
            int size = v10 ? (setup.choices().v10ReportsSize() ? layout.size() : 0) : layout.size();
            Rule rule = all.size() > sps.size() ? MediatorRules.PARTITION_INFO_VMS : MediatorRules.PARTITION_INFO;
            Prediction prediction = results(r).success(rule).value(2, all.size(), rule).value(3, size, rule)
                    .build(() -> "FFA_PARTITION_INFO_GET: " + sps.size() + " SP(s) and " + (all.size() - sps.size())
                            + " VM(s) as " + vm.id() + " sees them");
            MediatorState next = state.with(vm.id(), self.withMailbox(mailbox.map(box -> box.withRxFree(false))));
            return new MediatorOutcome.Answered(new MediatorAnswer(prediction,
                    Optional.of(new PartitionInfoRx(all, layout)), next));
        }

        /** A UUID no SP serves, when the SPMC lists partitions (Xen skips the SPs otherwise). */
        private boolean unknownUuid(List<PartitionInfoDescriptor> sps) {
            return !uuid.isNil() && sps.isEmpty() && secure.supports(FfaFunction.FFA_PARTITION_INFO_GET.x0());
        }

        private MediatorOutcome count(List<PartitionInfoDescriptor> spList) {
            if (v10 || flags != 1) {
                return error(r, FfaError.INVALID_PARAMETERS, MediatorRules.PARTITION_INFO_COUNT, state,
                        v10 ? "a v1.0 caller's flags must be zero" : "flags 0x" + Integer.toHexString(flags));
            }
            if (unknownUuid(spList)) {
                return error(r, FfaError.INVALID_PARAMETERS, MediatorRules.PARTITION_INFO, state, "no SP serves " + uuid);
            }
            int sps = spList.size();
            int vms;
            if (setup.choices().vmsMatchUuid() && !uuid.isNil()) {
                vms = 0;
            } else {
                int known = setup.vmToVm() ? state.listed().size() : 1;
                boolean selfCounted = setup.choices().callerListedFromV12()
                        && Integer.compareUnsigned(self.agreedVersion(), V1_2) >= 0;
                vms = selfCounted ? known : known - 1;
            }
            if (vms < 0) {
                return new MediatorOutcome.Unmodelled("the caller is not listed yet, so Xen's VM count wraps");
            }
            int total = sps + vms;
            return answered(results(r).success(MediatorRules.PARTITION_INFO_COUNT)
                    .value(2, total, MediatorRules.PARTITION_INFO_COUNT).value(3, 0, MediatorRules.PARTITION_INFO_COUNT)
                    .build("FFA_PARTITION_INFO_GET count: " + sps + " SP(s) and " + vms + " VM(s)"), state);
        }

        /** The SPs matching the UUID, the UUID field zeroed for a UUID query. */
        private List<PartitionInfoDescriptor> sps() {
            List<PartitionInfoDescriptor> found = new ArrayList<>();
            if (!secure.supports(FfaFunction.FFA_PARTITION_INFO_GET.x0())) {
                return found;
            }
            for (PartitionInfoDescriptor sp : secure.partitions()) {
                if (uuid.isNil()) {
                    found.add(sp);
                } else if (sp.protocolUuid().map(uuid::equals).orElse(false)) {
                    found.add(PartitionInfoDescriptor.of(sp.id(), sp.executionContextCount(), sp.properties())
                            .withProtocolUuid(Uuid.NIL));
                }
            }
            return found;
        }

        /** The VMs this caller sees: itself first from v1.2 (4.22), then the others on the list, in list order. */
        private List<PartitionInfoDescriptor> vms(PartitionInfoLayout layout) {
            List<PartitionInfoDescriptor> found = new ArrayList<>();
            if (setup.choices().vmsMatchUuid() && !uuid.isNil()) {
                return found;
            }
            if (setup.choices().callerListedFromV12() && Integer.compareUnsigned(self.agreedVersion(), V1_2) >= 0) {
                found.add(entry(vm, layout));
            }
            if (setup.vmToVm()) {
                for (EndpointId other : state.listed()) {
                    if (!other.equals(vm.id())) {
                        found.add(entry(setup.vm(other).orElseThrow(), layout));
                    }
                }
            }
            return found;
        }

        private PartitionInfoDescriptor entry(VmEndpoint listed, PartitionInfoLayout layout) {
            PartitionInfoDescriptor entry = PartitionInfoDescriptor.of(listed.id(), listed.vcpus(), VM_PROPERTIES);
            return layout.hasProtocolUuid() ? entry.withProtocolUuid(Uuid.NIL) : entry;
        }
    }
}
