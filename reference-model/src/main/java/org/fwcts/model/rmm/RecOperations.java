package org.fwcts.model.rmm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.HostMemory;

/**
 * REC_CREATE and REC_DESTROY under RMI 2.0 and the operation commands that carry them on: RMI_OP_MEM_DONATE,
 * RMI_OP_CONTINUE, RMI_OP_MEM_RECLAIM and RMI_OP_CANCEL (TF-RMM v0.9.0 {@code runtime/rmi/rec.c}, {@code sro.c},
 * {@code lib/addr_list}). A REC operation cannot be cancelled and wants its granules one by one (not contiguous).
 */
final class RecOperations {
    /** RmiResultDataIncomplete: the memory request in x0 [9:8] (TF-RMM {@code RMI_OP_MEM_REQ}). */
    private static final int MEM_REQ_SHIFT = 8;
    private static final long REQ_NONE = 0;
    private static final long REQ_DONATE = 1;
    private static final long REQ_RECLAIM = 2;
    /** Entries of an address list in one granule ({@code ADDR_LIST_MAX_RANGES}). */
    private static final int LIST_ENTRIES = 512;
    /** RmiAddrRangeDesc4KB: size [1:0] (0: 4 KiB, 1: 2 MiB, 2: 1 GiB, 3: 512 GiB), count [11:2], address [51:12], state [63]. */
    private static final long DESC_ADDRESS = ((1L << 40) - 1) << 12;
    private static final int DESC_COUNT_MAX = (1 << 10) - 1;

    private final RmmProfile profile;

    RecOperations(RmmProfile profile) {
        this.profile = profile;
    }

    /** x0 of INCOMPLETE with memory request {@code request}; a REC operation cannot be cancelled (bit 10 clear). */
    static long incomplete(long request) {
        return RmiStatus.INCOMPLETE.packed() | request << MEM_REQ_SHIFT;
    }

    /** RmiOpMemDonateReq for {@code granules} 4 KiB pages, not contiguous, delegated ({@code rmi_op_donate_req_encode}). */
    static long donateRequest(long granules) {
        return granules << 2;
    }

    RmmOutcome create(RmmState state, long rd, long rec, long params) {
        if (!profile.tracks(rec) || state.granule(rec) != GranuleState.DELEGATED) {
            return Answer.fail(state, RmmRules.REC_CREATE, RmiStatus.ERROR_INPUT, "the REC " + GranuleCommands.hex(rec)
                    + " is not DELEGATED");
        }
        long handle = state.freeHandle();
        RecOperation operation = new RecOperation(true, rd, rec, params, RecOperation.Stage.DONATE, List.of(), 0,
                RmiStatus.SUCCESS);
        RmmState next = state.withGranule(rec, GranuleState.PARTIAL).withOperation(handle, operation);
        Answer answer = Answer.of(RmmRules.REC_OPERATION).x(0, incomplete(REQ_DONATE)).x(1, handle)
                .x(2, donateRequest(profile.recAuxCount()));
        return new RmmOutcome.Answered(answer.build(() -> "REC_CREATE starts operation " + handle + ": the REC is PARTIAL"
                + " and the RMM asks for " + profile.recAuxCount() + " delegated granules"), next);
    }

    RmmOutcome destroy(RmmState state, long recPa) {
        Optional<Rec> rec = state.rec(recPa);
        if (rec.isEmpty()) {
            return Answer.fail(state, RmmRules.REC_DESTROY, RmiStatus.ERROR_INPUT, GranuleCommands.hex(recPa) + " is no REC");
        }
        long handle = state.freeHandle();
        Realm realm = state.realm(rec.get().rd()).orElseThrow();
        RecOperation operation = new RecOperation(false, realm.rd(), recPa, 0, RecOperation.Stage.RECLAIM,
                rec.get().aux(), 0, RmiStatus.SUCCESS);
        RmmState next = state.withRec(recPa, null).withGranule(recPa, GranuleState.PARTIAL)
                .withRealm(realm.rd(), realm.withRecs(realm.nextRecIndex(), realm.liveRecs() - 1))
                .withOperation(handle, operation);
        Answer answer = Answer.of(RmmRules.REC_OPERATION).x(0, incomplete(REQ_RECLAIM)).x(1, handle).x(2, 0);
        return new RmmOutcome.Answered(answer.build(() -> "REC_DESTROY starts operation " + handle + ": the REC is"
                + " PARTIAL until its " + rec.get().aux().size() + " auxiliary granules are reclaimed"), next);
    }

    RmmOutcome donate(RmmState state, long handle, long list, long count, HostMemory memory) {
        Optional<RecOperation> found = expecting(state, handle, RecOperation.Stage.DONATE);
        if (found.isEmpty() || (list & 7) != 0) {
            return Answer.fail(state, RmmRules.REC_OPERATION, RmiStatus.ERROR_INPUT, "operation " + handle
                    + " does not wait for a donation, or the list is not 8-byte aligned");
        }
        RecOperation operation = found.get();
        int entries = entries(list, count);
        if (!profile.tracks(list & ~(Granules.SIZE - 1)) || state.granule(list & ~(Granules.SIZE - 1)) != GranuleState.UNDELEGATED) {
            return Answer.fail(state, RmmRules.REC_OPERATION, RmiStatus.ERROR_INPUT, "the address list is not in NS memory");
        }
        Optional<byte[]> bytes = memory.read(list, entries * 8);
        if (bytes.isEmpty()) {
            return new RmmOutcome.Unmodelled("RMI_OP_MEM_DONATE reads its address list at " + GranuleCommands.hex(list)
                    + ", which the host did not write with the call");
        }
        ByteBuffer descriptors = ByteBuffer.wrap(bytes.get()).order(ByteOrder.LITTLE_ENDIAN);
        long wanted = (long) (profile.recAuxCount() - operation.aux().size()) * Granules.SIZE;
        List<Long> offered = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < entries; i++) {
            long desc = descriptors.getLong(i * 8);
            long blocks = (desc >>> 2) & DESC_COUNT_MAX;
            if (blocks == 0) {
                continue;
            }
            long size = Granules.blockSize(Granules.PAGE_LEVEL - (int) (desc & 3));
            if ((desc & DESC_ADDRESS & (size - 1)) != 0 || desc < 0) {
                return Answer.fail(state, RmmRules.REC_OPERATION, RmiStatus.ERROR_INPUT, "list entry " + i
                        + " is misaligned or offers undelegated memory");
            }
            total += size * blocks;
            for (long b = 0; b < blocks && size == Granules.SIZE && total <= wanted; b++) {
                offered.add((desc & DESC_ADDRESS) + b * size);
            }
        }
        if (total > wanted) {
            return Answer.fail(state, RmmRules.REC_OPERATION, RmiStatus.ERROR_INPUT, "the list offers " + total
                    + " bytes where " + wanted + " are wanted");
        }
        List<Long> aux = new ArrayList<>(operation.aux());
        RmmState next = state;
        int donated = 0;
        for (long granule : offered) {
            if (!profile.tracks(granule) || next.granule(granule) != GranuleState.DELEGATED) {
                if (donated == 0) {
                    return reclaimAfter(state, handle, operation, RmiStatus.ERROR_INPUT, "the first granule offered, "
                            + GranuleCommands.hex(granule) + ", is not DELEGATED");
                }
                break;
            }
            next = next.withGranule(granule, GranuleState.REC_AUX);
            aux.add(granule);
            donated++;
        }
        int missing = profile.recAuxCount() - aux.size();
        RecOperation.Stage stage = missing > 0 ? RecOperation.Stage.DONATE : RecOperation.Stage.CREATE;
        next = next.withOperation(handle, operation.at(stage, aux, 0, RmiStatus.SUCCESS));
        Answer answer = Answer.of(RmmRules.REC_OPERATION).x(0, incomplete(missing > 0 ? REQ_DONATE : REQ_NONE))
                .x(1, donated).x(2, missing > 0 ? donateRequest(missing) : 0);
        int taken = donated;
        return new RmmOutcome.Answered(answer.build(() -> taken + " granules become REC_AUX; " + (missing > 0
                ? missing + " still wanted" : "the operation continues with RMI_OP_CONTINUE")), next);
    }

    RmmOutcome reclaim(RmmState state, long handle, long list, long count) {
        Optional<RecOperation> found = expecting(state, handle, RecOperation.Stage.RECLAIM);
        if (found.isEmpty() || (list & 7) != 0) {
            return Answer.fail(state, RmmRules.REC_OPERATION, RmiStatus.ERROR_INPUT, "operation " + handle
                    + " does not wait for a reclaim, or the list is not 8-byte aligned");
        }
        RecOperation operation = found.get();
        int entries = entries(list, count);
        if (entries == 0) {
            Answer answer = Answer.of(RmmRules.REC_OPERATION).x(0, incomplete(REQ_RECLAIM)).x(1, 0);
            return new RmmOutcome.Answered(answer.build("an empty list reclaims nothing"), state);
        }
        if (!profile.tracks(list & ~(Granules.SIZE - 1)) || state.granule(list & ~(Granules.SIZE - 1)) != GranuleState.UNDELEGATED) {
            return new RmmOutcome.Unmodelled("RMI_OP_MEM_RECLAIM into a list outside NS memory (TF-RMM gives the"
                    + " granules back before it fails to write the list)");
        }
        int remaining = operation.aux().size() - operation.reclaimed();
        int given = Math.min(remaining, entries);
        List<Long> back = operation.aux().subList(operation.reclaimed(), operation.reclaimed() + given);
        RmmState next = state;
        for (long granule : back) {
            next = next.withGranule(granule, GranuleState.DELEGATED);
        }
        boolean done = given == remaining;
        next = next.withOperation(handle, operation.at(done ? RecOperation.Stage.FINISH : RecOperation.Stage.RECLAIM,
                operation.aux(), operation.reclaimed() + given, operation.result()));
        int descriptors = rangeCount(back);
        Answer answer = Answer.of(RmmRules.REC_OPERATION).x(0, incomplete(done ? REQ_NONE : REQ_RECLAIM)).x(1, descriptors);
        return new RmmOutcome.Answered(answer.build(() -> given + " auxiliary granules return to DELEGATED, written as "
                + descriptors + " address ranges" + (done ? "; RMI_OP_CONTINUE ends the operation" : "")), next);
    }

    RmmOutcome proceed(RmmState state, long handle, HostMemory memory) {
        RecOperation operation = state.operations().get(handle);
        if (operation == null || (operation.stage() != RecOperation.Stage.CREATE && operation.stage() != RecOperation.Stage.FINISH)) {
            return Answer.fail(state, RmmRules.REC_OPERATION, RmiStatus.ERROR_INPUT, "operation " + handle
                    + " does not wait for RMI_OP_CONTINUE");
        }
        if (operation.stage() == RecOperation.Stage.FINISH) {
            RmmState next = state.withGranule(operation.rec(), GranuleState.DELEGATED).withOperation(handle, null);
            Answer answer = Answer.of(RmmRules.REC_OPERATION).status(operation.result()).x(2, 0);
            return new RmmOutcome.Answered(answer.build(() -> "the operation ends: the REC granule returns to DELEGATED: "
                    + operation.result()), next);
        }
        return createRec(state, handle, operation, memory);
    }

    /** The REC_CREATE checks TF-RMM v0.9.0 makes once the granules are in ({@code rec_create_continue}). */
    private RmmOutcome createRec(RmmState state, long handle, RecOperation operation, HostMemory memory) {
        long params = operation.params();
        if (!profile.tracks(params) || state.granule(params) != GranuleState.UNDELEGATED) {
            return reclaimAfter(state, handle, operation, RmiStatus.ERROR_INPUT, "the REC parameters are not in NS memory");
        }
        Optional<byte[]> bytes = memory.read(params, RecCommands.PARAMS_SIZE);
        if (bytes.isEmpty()) {
            return new RmmOutcome.Unmodelled("RMI_OP_CONTINUE of REC_CREATE reads the REC parameters at "
                    + GranuleCommands.hex(params) + ", which the host did not write with the call");
        }
        Optional<Realm> realm = state.realm(operation.rd());
        if (realm.isEmpty()) {
            return reclaimAfter(state, handle, operation, RmiStatus.ERROR_INPUT, GranuleCommands.hex(operation.rd())
                    + " is no RD");
        }
        if (realm.get().lifecycle() != Realm.Lifecycle.NEW) {
            return reclaimAfter(state, handle, operation, RmiStatus.ERROR_REALM, "the realm is " + realm.get().lifecycle());
        }
        ByteBuffer p = ByteBuffer.wrap(bytes.get()).order(ByteOrder.LITTLE_ENDIAN);
        long mpidr = p.getLong(0x100);
        int index = realm.get().nextRecIndex();
        if (mpidr != RecCommands.mpidrOf(index)) {
            return reclaimAfter(state, handle, operation, RmiStatus.ERROR_INPUT, "MPIDR 0x" + Long.toHexString(mpidr)
                    + " is not that of REC index " + index);
        }
        boolean runnable = (p.getLong(0) & 1) != 0;
        Rec rec = new Rec(operation.rec(), operation.rd(), index, runnable, operation.aux(), Rec.Stage.NOT_STARTED,
                Optional.empty(), Optional.empty());
        RmmState next = state.withGranule(operation.rec(), GranuleState.REC).withRec(operation.rec(), rec)
                .withRealm(operation.rd(), realm.get().withRecs(index + 1, realm.get().liveRecs() + 1))
                .withOperation(handle, null);
        Answer answer = Answer.of(RmmRules.REC_OPERATION).status(RmiStatus.SUCCESS).x(1, 0).x(2, 0);
        return new RmmOutcome.Answered(answer.build(() -> "REC " + index + " created" + (runnable ? ", runnable" : "")), next);
    }

    /** A REC operation cannot be cancelled: ERROR_INPUT whether or not the handle is one ({@code smc_op_cancel}). */
    RmmOutcome cancel(RmmState state, long handle) {
        return Answer.fail(state, RmmRules.REC_OPERATION, RmiStatus.ERROR_INPUT, "operation " + handle
                + " cannot be cancelled");
    }

    /** A failed REC_CREATE asks the host to reclaim what it donated, then ends with {@code status}. */
    private static RmmOutcome reclaimAfter(RmmState state, long handle, RecOperation operation, RmiStatus status,
            String why) {
        RmmState next = state.withOperation(handle, operation.at(RecOperation.Stage.RECLAIM, operation.aux(), 0, status));
        Answer answer = Answer.of(RmmRules.REC_OPERATION).x(0, incomplete(REQ_RECLAIM)).x(1, 0).x(2, 0);
        return new RmmOutcome.Answered(answer.build(() -> why + ": the host must reclaim the " + operation.aux().size()
                + " granules donated, then the operation ends with " + status), next);
    }

    private static Optional<RecOperation> expecting(RmmState state, long handle, RecOperation.Stage stage) {
        RecOperation operation = state.operations().get(handle);
        return operation != null && operation.stage() == stage ? Optional.of(operation) : Optional.empty();
    }

    /** The entries the RMM reads or writes: at most a list's granule from its offset ({@code smc_op_mem_donate}). */
    private static int entries(long list, long count) {
        int offset = (int) ((list & (Granules.SIZE - 1)) / 8);
        long capped = Long.compareUnsigned(count, LIST_ENTRIES) > 0 ? LIST_ENTRIES : count;
        return (int) Math.min(capped, LIST_ENTRIES - offset);
    }

    /**
     * How many RmiAddrRangeDesc4KB entries the granules become: each joins a range it extends at either end, else
     * starts one ({@code addr_list_add_block}).
     */
    static int rangeCount(List<Long> granules) {
        List<long[]> ranges = new ArrayList<>();
        for (long granule : granules) {
            boolean joined = false;
            for (long[] range : ranges) {
                if (range[1] < DESC_COUNT_MAX && granule == range[0] - Granules.SIZE) {
                    range[0] = granule;
                    range[1]++;
                    joined = true;
                    break;
                }
                if (range[1] < DESC_COUNT_MAX && granule == range[0] + range[1] * Granules.SIZE) {
                    range[1]++;
                    joined = true;
                    break;
                }
            }
            if (!joined) {
                ranges.add(new long[] {granule, 1});
            }
        }
        return ranges.size();
    }
}
