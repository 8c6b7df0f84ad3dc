package org.fwcts.model.rmm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.fwcts.model.HostMemory;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;

/**
 * What the realm agent does between one REC entry and the next exit, and what the RMM reports
 * at that exit: the agent's protocol (firmware-images/realm-agent/PROTOCOL.md) run on the
 * model's view of the realm's memory.
 */
final class RealmProgram {
    /** ESR fields (Arm ARM, ESR_ELx): EC [31:26], IL [25], ISV [24], SAS [23:22], WnR [6], FSC [5:0]. */
    private static final long EC_MASK = 0x3FL << 26;
    private static final long DATA_ABORT_LOWER_EL = 0x24L << 26;
    private static final long DATA_ABORT_SAME_EL = 0x25L << 26;
    private static final long ISV = 1L << 24;
    private static final long SAS_64 = 3L << 22;
    private static final long SAS_MASK = 3L << 22;
    private static final long WNR = 1L << 6;
    private static final long FSC_MASK = 0x3F;
    private static final long FSC_SEA = 0x10;
    /** HPFAR_EL2.FIPA [43:4] holds IPA [51:12]. */
    private static final long HPFAR_FIPA = 0xFFF_FFFF_FFF0L;
    private static final long NAME_0 = 0x6572_2D73_7463_7766L;
    private static final long NAME_1 = 0x6E65_6761_2D6D_6C61L;

    private final RsiCommands rsi;
    private final RealmPsci psci = new RealmPsci();

    RealmProgram(RsiCommands rsi) {
        this.rsi = rsi;
    }

    /** The exit after entering {@code rec} with the command {@code call} (in {@link RealmCall}'s encoding). */
    RmmOutcome run(RmmState state, Realm realm, Rec rec, long flags, long[] gprs, HostMemory memory) {
        switch (rec.stage()) {
            case NOT_STARTED:
                return banner(state, rec);
            case RIPAS_REQUESTED:
                return completeRipas(state, rec, flags);
            case ACCESS_EXITED:
                return resume(state, realm, rec, flags, gprs, memory);
            case PSCI_COMPLETED:
                return completePsci(state, rec);
            default:
                return command(state, realm, rec, gprs, memory);
        }
    }

    private static RmmOutcome banner(RmmState state, Rec rec) {
        Answer answer = hostCall(RmmRules.REALM_AGENT, RealmCall.KIND_BANNER).x(3, 1).x(5, NAME_0).x(6, NAME_1);
        return new RmmOutcome.Answered(answer.build("the realm agent starts and reports its banner"),
                state.withRec(rec.pa(), rec.withStage(Rec.Stage.WAITING, Optional.empty(), Optional.empty())));
    }

    /** The agent reads its next command from the host-call structure, which the RMM filled from rec_enter.gprs. */
    private RmmOutcome command(RmmState state, Realm realm, Rec rec, long[] gprs, HostMemory memory) {
        long command = gprs[0];
        if (command == RealmCall.RSI) {
            return rsiCall(state, realm, rec, gprs);
        }
        if (command == RealmCall.LOAD64 || command == RealmCall.STORE64) {
            return access(state, realm, rec, new Rec.PendingAccess(gprs[1], command == RealmCall.STORE64, gprs[2]), memory);
        }
        if (command == RealmCall.READ) {
            return read(state, realm, gprs[1], gprs[2]);
        }
        if (command == RealmCall.WRITE) {
            return new RmmOutcome.Unmodelled("realm agent command " + command + " is not modelled");
        }
        return new RmmOutcome.Answered(result(RmmRules.REALM_AGENT, RealmCall.STATUS_UNKNOWN_COMMAND)
                .build("the realm agent does not know command " + command), state);
    }

    private RmmOutcome rsiCall(RmmState state, Realm realm, Rec rec, long[] gprs) {
        long[] x = new long[Registers.COUNT];
        System.arraycopy(gprs, 1, x, 0, 12);
        if (RealmPsci.psci(x[0])) {
            return psciCall(state, realm, rec, Registers.of(x));
        }
        RsiCommands.Result outcome = rsi.call(state, realm, rec, Registers.of(x));
        if (outcome instanceof RsiCommands.Result.Unmodelled unmodelled) {
            return new RmmOutcome.Unmodelled(unmodelled.reason());
        }
        if (outcome instanceof RsiCommands.Result.RipasExit exit) {
            Rec.RipasChange change = exit.change();
            Answer answer = Answer.of(RmmRules.RSI_IPA_STATE_SET).status(RmiStatus.SUCCESS).x(1, RealmCall.EXIT_RIPAS_CHANGE)
                    .x(2, change.base()).x(3, change.top()).x(4, change.target().code());
            return new RmmOutcome.Answered(answer.build("RSI_IPA_STATE_SET exits to the host with RIPAS_CHANGE ["
                    + hex(change.base()) + ", " + hex(change.top()) + ") " + change.target()),
                    state.withRec(rec.pa(), rec.withStage(Rec.Stage.RIPAS_REQUESTED, Optional.of(change), Optional.empty())));
        }
        if (outcome instanceof RsiCommands.Result.Measured measured) {
            return returned(state.withRealm(realm.rd(), measured.next()), measured.returned());
        }
        if (outcome instanceof RsiCommands.Result.Attested attested) {
            return returned(state.withRec(rec.pa(), attested.next()), attested.returned());
        }
        return returned(state, (RsiCommands.Result.Returned) outcome);
    }

    private static RmmOutcome returned(RmmState state, RsiCommands.Result.Returned returned) {
        Answer answer = result(returned.rule(), RealmCall.STATUS_OK);
        for (int i = 0; i < returned.values().length && i < 11; i++) {
            if (returned.known()[i]) {
                answer.x(7 + i, returned.values()[i]);
            }
        }
        return new RmmOutcome.Answered(answer.build(returned.summary()), state);
    }

    /** A PSCI call from the realm: answered by the RMM, or an exit to the host with the function and the target's MPIDR. */
    private RmmOutcome psciCall(RmmState state, Realm realm, Rec rec, Registers x) {
        RealmPsci.Outcome outcome = psci.call(state, realm, rec, x);
        if (outcome instanceof RealmPsci.Outcome.Unmodelled unmodelled) {
            return new RmmOutcome.Unmodelled(unmodelled.reason());
        }
        if (outcome instanceof RealmPsci.Outcome.Returned returned) {
            return new RmmOutcome.Answered(result(RmmRules.PSCI_REALM, RealmCall.STATUS_OK).x(7, returned.value())
                    .build(returned.summary() + ": " + returned.value()), state);
        }
        Rec.PsciRequest request = ((RealmPsci.Outcome.Exit) outcome).request();
        Answer answer = Answer.of(RmmRules.PSCI_REALM).status(RmiStatus.SUCCESS).x(1, RealmCall.EXIT_PSCI)
                .x(2, request.function()).x(3, request.mpidr()).x(4, 0).x(5, 0);
        return new RmmOutcome.Answered(answer.build(() -> "PSCI 0x" + Long.toHexString(request.function()) + " of MPIDR 0x"
                + Long.toHexString(request.mpidr()) + " exits to the host; the REC waits for RMI_PSCI_COMPLETE"),
                state.withRec(rec.pa(), rec.withPsci(Rec.Stage.PSCI_REQUESTED, request)));
    }

    /** RMI_PSCI_COMPLETE settled the call: the agent gets x0 the result and x1..x3 zero ({@code psci_complete_request}). */
    private static RmmOutcome completePsci(RmmState state, Rec rec) {
        long value = rec.psci().orElseThrow().result();
        Answer answer = result(RmmRules.PSCI_COMPLETE, RealmCall.STATUS_OK).x(7, value).x(8, 0).x(9, 0).x(10, 0);
        return new RmmOutcome.Answered(answer.build("the PSCI call returns " + value + " to the realm"),
                state.withRec(rec.pa(), rec.withStage(Rec.Stage.WAITING, Optional.empty(), Optional.empty())));
    }

    /** The host applied what it would of the change; the realm sees how far, and whether it was rejected. */
    private static RmmOutcome completeRipas(RmmState state, Rec rec, long flags) {
        Rec.RipasChange change = rec.ripasChange().orElseThrow();
        boolean incomplete = Long.compareUnsigned(change.next(), change.top()) < 0;
        // TF-RMM v0.8.0 runtime/rsi/memory.c complete_set_ripas: a reject counts only for a change to RAM.
        boolean rejected = (flags & RealmCall.FLAG_RIPAS_REJECT) != 0 && incomplete && change.target() == Ripas.RAM;
        Answer answer = result(RmmRules.RSI_IPA_STATE_SET, RealmCall.STATUS_OK).x(7, RsiCommands.RSI_SUCCESS)
                .x(8, change.next()).x(9, rejected ? 1 : 0);
        return new RmmOutcome.Answered(answer.build("RSI_IPA_STATE_SET completes up to " + hex(change.next())
                + (rejected ? ", rejected" : ", accepted")),
                state.withRec(rec.pa(), rec.withStage(Rec.Stage.WAITING, Optional.empty(), Optional.empty())));
    }

    private RmmOutcome resume(RmmState state, Realm realm, Rec rec, long flags, long[] gprs, HostMemory memory) {
        Rec.PendingAccess pending = rec.access().orElseThrow();
        boolean emulatable = !realm.protectedIpa(pending.ipa());
        if ((flags & RealmCall.FLAG_EMULATED_MMIO) != 0 && !emulatable) {
            return Answer.fail(state, RmmRules.REC_ENTER, RmiStatus.ERROR_REC, "emulated MMIO completion for a protected access");
        }
        Rec waiting = rec.withStage(Rec.Stage.WAITING, Optional.empty(), Optional.empty());
        if ((flags & RealmCall.FLAG_INJECT_SEA) != 0) {
            return realmException(state.withRec(rec.pa(), waiting), RmmRules.REC_ENTER, "the host injects an abort");
        }
        if ((flags & RealmCall.FLAG_EMULATED_MMIO) != 0) {
            Answer answer = result(RmmRules.MMIO_EXIT_SYNDROME, RealmCall.STATUS_OK);
            // The RMM writes rec_enter.gprs[0] to the load's target register (DEN0137 1.0, "Emulated MMIO").
            if (!pending.write()) {
                answer.x(7, gprs[0]);
            }
            return new RmmOutcome.Answered(answer.build("the emulated access completes"
                    + (pending.write() ? "" : " with the host's value " + hex(gprs[0]))), state.withRec(rec.pa(), waiting));
        }
        return access(state.withRec(rec.pa(), waiting), realm, waiting, pending, memory);
    }

    /** A LOAD64 or STORE64 at an IPA, as the RMM resolves it through the realm's RTTs. */
    private static RmmOutcome access(RmmState state, Realm realm, Rec rec, Rec.PendingAccess access, HostMemory memory) {
        long ipa = access.ipa();
        if (Long.compareUnsigned(ipa, realm.ipaLimit()) >= 0 || (ipa & 7) != 0) {
            return new RmmOutcome.Unmodelled("an access at " + hex(ipa) + " outside the IPA space or unaligned");
        }
        Walk walk = Walk.of(state, realm, ipa, Granules.PAGE_LEVEL);
        RttEntry entry = walk.entry();
        if (!realm.protectedIpa(ipa)) {
            if (entry.state() == RttEntry.State.ASSIGNED) {
                return shared(state, entry, walk, access, memory);
            }
            return exit(state, rec, access, DATA_ABORT_LOWER_EL | ISV | SAS_64 | (access.write() ? WNR : 0),
                    EC_MASK | ISV | SAS_MASK | WNR, RmmRules.UNPROTECTED_ABORT_TOP_BIT,
                    "the unmapped unprotected access exits to the host as an emulatable data abort");
        }
        if (entry.ripas() == Ripas.EMPTY) {
            return realmException(state, RmmRules.EMPTY_FAULTS, "the access to RIPAS EMPTY at " + hex(ipa)
                    + " takes an external abort in the realm");
        }
        if (entry.state() == RttEntry.State.ASSIGNED && entry.ripas() == Ripas.RAM) {
            Answer answer = result(RmmRules.PROTECTED_ALIAS, RealmCall.STATUS_OK);
            return new RmmOutcome.Answered(answer.build("the protected access completes in the realm's own memory"), state);
        }
        return exit(state, rec, access, DATA_ABORT_LOWER_EL, EC_MASK | ISV, RmmRules.UNASSIGNED_RAM_EXIT,
                "the access to " + entry.ripas() + " without data exits to the host");
    }

    /**
     * A READ within one protected granule that holds data completes (the bytes are the realm's, not predicted); any
     * other READ is unmodelled. A READ over 160 bytes is refused by the agent (PROTOCOL.md, status 3).
     */
    private static RmmOutcome read(RmmState state, Realm realm, long ipa, long length) {
        if (Long.compareUnsigned(length, RealmCall.READ_MAX) > 0) {
            return new RmmOutcome.Answered(result(RmmRules.REALM_AGENT, RealmCall.STATUS_BAD_ARGUMENT)
                    .build("the realm agent refuses a READ of " + length + " bytes"), state);
        }
        long last = ipa + Math.max(length, 1) - 1;
        if (Long.compareUnsigned(last, ipa) < 0 || (ipa & -Granules.SIZE) != (last & -Granules.SIZE)
                || !realm.protectedIpa(ipa)) {
            return new RmmOutcome.Unmodelled("a READ outside one protected granule");
        }
        RttEntry entry = Walk.of(state, realm, ipa, Granules.PAGE_LEVEL).entry();
        if (entry.state() != RttEntry.State.ASSIGNED || entry.ripas() != Ripas.RAM) {
            return new RmmOutcome.Unmodelled("a READ of " + entry.ripas() + " without data");
        }
        return new RmmOutcome.Answered(result(RmmRules.PROTECTED_ALIAS, RealmCall.STATUS_OK)
                .build("the realm reads " + length + " bytes of its own memory at " + hex(ipa)), state);
    }

    /** An access through an ASSIGNED_NS entry reads the host's page. */
    private static RmmOutcome shared(RmmState state, RttEntry entry, Walk walk, Rec.PendingAccess access, HostMemory memory) {
        long blockMask = Granules.blockSize(walk.level()) - 1;
        long pa = (entry.address() & ~blockMask & 0xFFFF_FFFF_F000L) + (access.ipa() & blockMask);
        Answer answer = result(RmmRules.SHARED_UPPER_HALF, RealmCall.STATUS_OK);
        String what = "the access reaches the host's page at " + hex(pa);
        if (!access.write()) {
            Optional<byte[]> bytes = memory.read(pa, 8);
            if (bytes.isPresent()) {
                long value = ByteBuffer.wrap(bytes.get()).order(ByteOrder.LITTLE_ENDIAN).getLong();
                answer.x(7, value);
                what += " and reads " + hex(value);
            }
        }
        return new RmmOutcome.Answered(answer.build(what), state);
    }

    private static RmmOutcome exit(RmmState state, Rec rec, Rec.PendingAccess access, long esr, long esrMask, Rule rule,
            String summary) {
        Answer answer = Answer.of(rule).status(RmiStatus.SUCCESS).x(1, RealmCall.EXIT_SYNC).x(2, esr, esrMask, rule)
                .x(4, (access.ipa() >>> 12) << 4, HPFAR_FIPA, rule);
        // The RMM hands the host the value an emulatable store writes in gprs[0], zero otherwise (TF-RMM v0.8.0
        // runtime/core/exit.c handle_data_abort).
        answer.x(5, (esr & ISV) != 0 && access.write() ? access.value() : 0, -1L, RmmRules.MMIO_EXIT_SYNDROME);
        return new RmmOutcome.Answered(answer.build(summary + " (HPFAR IPA " + hex(access.ipa()) + ")"),
                state.withRec(rec.pa(), rec.withStage(Rec.Stage.ACCESS_EXITED, Optional.empty(), Optional.of(access))));
    }

    private static RmmOutcome realmException(RmmState state, Rule rule, String summary) {
        Answer answer = result(rule, RealmCall.STATUS_EXCEPTION).x(4, DATA_ABORT_SAME_EL | FSC_SEA, EC_MASK | FSC_MASK, rule);
        return new RmmOutcome.Answered(answer.build(summary), state);
    }

    private static Answer hostCall(Rule rule, int kind) {
        return Answer.of(rule).status(RmiStatus.SUCCESS).x(1, RealmCall.EXIT_HOST_CALL).x(2, kind);
    }

    private static Answer result(Rule rule, int status) {
        return hostCall(rule, RealmCall.KIND_RESULT).x(3, status);
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
