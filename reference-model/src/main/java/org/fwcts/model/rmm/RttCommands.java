package org.fwcts.model.rmm;

import java.util.Optional;

/**
 * RTT_CREATE, RTT_DESTROY, RTT_FOLD, RTT_READ_ENTRY, RTT_MAP/UNMAP_UNPROTECTED (TF-RMM v0.8.0, the same in v0.9.0
 * {@code runtime/rmi/rtt.c}); the RIPAS commands are {@link RipasCommands}.
 */
final class RttCommands {
    /**
     * The host sets only MemAttr [4:2] and S2AP [7:6] of an NS descriptor beside its output address; any other bit
     * (SH [9:8] included) makes it invalid (TF-RMM {@code host_ns_s2tte_is_valid}, {@code S2TTE_NS_ATTR_MASK}).
     */
    private static final long MEM_ATTR = 0x1CL;
    private static final long S2AP = 0xC0L;
    /** The one reserved MemAttr encoding with FWB (TF-RMM {@code S2TTE_MEMATTR_FWB_RESERVED}). */
    private static final long MEM_ATTR_RESERVED = 0x10L;
    private static final long OUTPUT_ADDRESS = 0xFFFF_FFFF_F000L;
    /** The lowest level with block entries: a level-1 RTT cannot fold into level 0 (TF-RMM {@code S2TT_MIN_BLOCK_LEVEL}). */
    private static final int MIN_BLOCK_LEVEL = 1;

    private final RmmProfile profile;
    private final RipasCommands ripas = new RipasCommands();

    RttCommands(RmmProfile profile) {
        this.profile = profile;
    }

    RmmOutcome create(RmmState state, long rd, long rtt, long ipa, long level) {
        Optional<Realm> found = state.realm(rd);
        if (!profile.tracks(rtt) || state.granule(rtt) != GranuleState.DELEGATED || found.isEmpty()) {
            return Answer.fail(state, RmmRules.RTT_CREATE, RmiStatus.ERROR_INPUT, "the RTT is not DELEGATED or the RD is no RD");
        }
        Realm realm = found.get();
        if (!structureLevel(realm, level) || !validIpa(realm, ipa, (int) level - 1)) {
            return Answer.fail(state, RmmRules.RTT_CREATE, RmiStatus.ERROR_INPUT, "level " + level + " or IPA "
                    + GranuleCommands.hex(ipa) + " invalid");
        }
        Walk parent = Walk.of(state, realm, ipa, (int) level - 1);
        if (parent.level() < level - 1) {
            return Answer.fail(state, RmmRules.RTT_CREATE, RmiStatus.ERROR_RTT, parent.level(), "the walk stops at level " + parent.level());
        }
        RttEntry entry = parent.entry();
        if (entry.state() != RttEntry.State.UNASSIGNED) {
            if (entry.state() == RttEntry.State.TABLE) {
                return Answer.fail(state, RmmRules.RTT_CREATE, RmiStatus.ERROR_RTT, (int) level - 1, "the parent entry is already a table");
            }
            return new RmmOutcome.Unmodelled("RTT_CREATE below an assigned block (a split) is not modelled");
        }
        RttTable child = RttTable.filled(rtt, (int) level, ipa, Granules.ENTRIES, entry);
        RmmState next = state.withTables(parent.table().pa(), parent.table().with(parent.index(), RttEntry.table(rtt)), rtt, child)
                .withGranule(rtt, GranuleState.RTT);
        return Answer.succeed(next, RmmRules.RTT_CREATE, () -> "level-" + level + " RTT at IPA " + GranuleCommands.hex(ipa)
                + " inherits " + describe(entry));
    }

    RmmOutcome destroy(RmmState state, long rd, long ipa, long level) {
        Optional<Realm> found = state.realm(rd);
        if (found.isEmpty()) {
            return Answer.fail(state, RmmRules.RTT_DESTROY, RmiStatus.ERROR_INPUT, GranuleCommands.hex(rd) + " is no RD");
        }
        Realm realm = found.get();
        if (!structureLevel(realm, level) || !validIpa(realm, ipa, (int) level - 1)) {
            return Answer.fail(state, RmmRules.RTT_DESTROY, RmiStatus.ERROR_INPUT, "level or IPA invalid");
        }
        Walk parent = Walk.of(state, realm, ipa, (int) level - 1);
        if (parent.level() < level - 1 || parent.entry().state() != RttEntry.State.TABLE) {
            return Answer.fail(state, RmmRules.RTT_DESTROY, RmiStatus.ERROR_RTT, parent.level(), "no RTT at level " + level);
        }
        long childPa = parent.entry().address();
        if (state.table(childPa).references() > 0) {
            return Answer.fail(state, RmmRules.RTT_DESTROY, RmiStatus.ERROR_RTT, (int) level, "the RTT is live");
        }
        RttEntry replaced = realm.protectedIpa(ipa) ? RttEntry.UNASSIGNED_DESTROYED : RttEntry.UNASSIGNED_NS;
        RmmState next = state.withTables(parent.table().pa(), parent.table().with(parent.index(), replaced), childPa, null)
                .withGranule(childPa, GranuleState.DELEGATED);
        Answer answer = Answer.of(RmmRules.RTT_DESTROY).status(RmiStatus.SUCCESS).x(1, childPa)
                .x(2, nonLiveTop(next.table(parent.table().pa()), parent.index()));
        return new RmmOutcome.Answered(answer.build(() -> "the RTT returns to DELEGATED; the parent entry becomes "
                + describe(replaced)), next);
    }

    /**
     * RTT_FOLD: the RTT at {@code level} under {@code ipa} becomes one entry of its parent when its entries are all the
     * same unassigned kind, or all assigned (protected with one RIPAS, or host memory with one set of attributes) to a
     * contiguous range aligned to the parent's block (TF-RMM {@code rtt_fold}).
     */
    RmmOutcome fold(RmmState state, long rd, long ipa, long level) {
        Optional<Realm> found = state.realm(rd);
        if (found.isEmpty()) {
            return Answer.fail(state, RmmRules.RTT_FOLD, RmiStatus.ERROR_INPUT, GranuleCommands.hex(rd) + " is no RD");
        }
        Realm realm = found.get();
        if (!structureLevel(realm, level) || !validIpa(realm, ipa, (int) level - 1)) {
            return Answer.fail(state, RmmRules.RTT_FOLD, RmiStatus.ERROR_INPUT, "level or IPA invalid");
        }
        Walk parent = Walk.of(state, realm, ipa, (int) level - 1);
        if (parent.level() < level - 1) {
            return Answer.fail(state, RmmRules.RTT_FOLD, RmiStatus.ERROR_RTT, parent.level(), "the walk stops at level "
                    + parent.level());
        }
        if (parent.entry().state() != RttEntry.State.TABLE) {
            return Answer.fail(state, RmmRules.RTT_FOLD, RmiStatus.ERROR_RTT, (int) level - 1, "no RTT at level " + level);
        }
        RttTable child = state.table(parent.entry().address());
        Optional<RttEntry> folded;
        if (child.references() == 0) {
            folded = uniformUnassigned(child);
            if (folded.isEmpty() && (folded = block(child, true)).isPresent() && level <= MIN_BLOCK_LEVEL) {
                return Answer.fail(state, RmmRules.RTT_FOLD, RmiStatus.ERROR_RTT, parent.level(), "no block at level "
                        + (level - 1));
            }
        } else if (child.references() == child.size()) {
            if (level <= MIN_BLOCK_LEVEL) {
                return Answer.fail(state, RmmRules.RTT_FOLD, RmiStatus.ERROR_RTT, parent.level(), "no block at level "
                        + (level - 1));
            }
            folded = block(child, false);
        } else {
            folded = Optional.empty();
        }
        if (folded.isEmpty()) {
            return Answer.fail(state, RmmRules.RTT_FOLD, RmiStatus.ERROR_RTT, (int) level, "the RTT's entries differ");
        }
        RttEntry entry = folded.get();
        RmmState next = state.withTables(parent.table().pa(), parent.table().with(parent.index(), entry), child.pa(), null)
                .withGranule(child.pa(), GranuleState.DELEGATED);
        Answer answer = Answer.of(RmmRules.RTT_FOLD).status(RmiStatus.SUCCESS).x(1, child.pa());
        return new RmmOutcome.Answered(answer.build(() -> "the level-" + level + " RTT folds into a level-" + (level - 1)
                + " entry " + describe(entry) + "; it returns to DELEGATED"), next);
    }

    /** The entry all of {@code table}'s entries are, if they are one unassigned kind. */
    private static Optional<RttEntry> uniformUnassigned(RttTable table) {
        RttEntry first = table.entry(0);
        if (first.state() != RttEntry.State.UNASSIGNED) {
            return Optional.empty();
        }
        for (int i = 1; i < table.size(); i++) {
            if (!table.entry(i).equals(first)) {
                return Optional.empty();
            }
        }
        return Optional.of(first);
    }

    /**
     * The block entry of the parent when every entry is assigned, host memory ({@code ns}) or protected with one RIPAS,
     * the addresses contiguous from a base aligned to the parent's block and, for host memory, one set of attributes
     * (TF-RMM {@code table_maps_block}).
     */
    private static Optional<RttEntry> block(RttTable table, boolean ns) {
        RttEntry first = table.entry(0);
        long size = Granules.blockSize(table.level());
        long base = first.address() & OUTPUT_ADDRESS;
        if (first.state() != RttEntry.State.ASSIGNED || first.unprotected() != ns
                || !Granules.aligned(base, table.level() - 1)) {
            return Optional.empty();
        }
        for (int i = 1; i < table.size(); i++) {
            RttEntry entry = table.entry(i);
            if (entry.state() != RttEntry.State.ASSIGNED || entry.unprotected() != ns || entry.ripas() != first.ripas()
                    || (entry.address() & OUTPUT_ADDRESS) != base + i * size
                    || (entry.address() & ~OUTPUT_ADDRESS) != (first.address() & ~OUTPUT_ADDRESS)) {
                return Optional.empty();
            }
        }
        return Optional.of(first);
    }

    RmmOutcome readEntry(RmmState state, long rd, long ipa, long level) {
        Optional<Realm> found = state.realm(rd);
        if (found.isEmpty()) {
            return Answer.fail(state, RmmRules.RTT_READ_ENTRY, RmiStatus.ERROR_INPUT, GranuleCommands.hex(rd) + " is no RD");
        }
        Realm realm = found.get();
        if (level < realm.startLevel() || level > Granules.PAGE_LEVEL || !validIpa(realm, ipa, (int) level)) {
            return Answer.fail(state, RmmRules.RTT_READ_ENTRY, RmiStatus.ERROR_INPUT, "level " + level + " or IPA invalid");
        }
        Walk walk = Walk.of(state, realm, ipa, (int) level);
        RttEntry entry = walk.entry();
        long address = entry.state() == RttEntry.State.UNASSIGNED ? 0 : entry.address();
        Answer answer = Answer.of(RmmRules.RTT_READ_ENTRY).status(RmiStatus.SUCCESS).x(1, walk.level())
                .x(2, entry.state().ordinal()).x(3, address).x(4, entry.ripas().code());
        return new RmmOutcome.Answered(answer.build(() -> "level " + walk.level() + ": " + describe(entry)), state);
    }

    RmmOutcome mapUnprotected(RmmState state, long rd, long ipa, long level, long descriptor) {
        if (level < 1 || level > Granules.PAGE_LEVEL) {
            return Answer.fail(state, RmmRules.MAP_UNPROTECTED, RmiStatus.ERROR_INPUT, "level " + level + " outside 1..3");
        }
        Optional<Realm> found = state.realm(rd);
        if (found.isEmpty()) {
            return Answer.fail(state, RmmRules.MAP_UNPROTECTED, RmiStatus.ERROR_INPUT, GranuleCommands.hex(rd) + " is no RD");
        }
        Realm realm = found.get();
        // TF-RMM map_unmap_ns checks the IPA, then the descriptor, then the protected half, all before the walk.
        if (level < realm.startLevel() || !validIpa(realm, ipa, (int) level)) {
            return Answer.fail(state, RmmRules.MAP_UNPROTECTED, RmiStatus.ERROR_INPUT, "IPA " + GranuleCommands.hex(ipa)
                    + " is outside the IPA space or not aligned to level " + level);
        }
        if (!validHostDescriptor(descriptor, (int) level)) {
            return Answer.fail(state, RmmRules.MAP_UNPROTECTED, RmiStatus.ERROR_INPUT, "the host descriptor "
                    + GranuleCommands.hex(descriptor) + " sets bits the host does not own, a misaligned address or a"
                    + " reserved MemAttr");
        }
        if (realm.protectedIpa(ipa)) {
            return Answer.fail(state, RmmRules.MAP_UNPROTECTED, RmiStatus.ERROR_INPUT, "IPA " + GranuleCommands.hex(ipa)
                    + " is protected");
        }
        Walk walk = Walk.of(state, realm, ipa, (int) level);
        if (walk.level() < level) {
            return Answer.fail(state, RmmRules.MAP_UNPROTECTED, RmiStatus.ERROR_RTT, walk.level(), "the walk stops at level " + walk.level());
        }
        if (!walk.entry().unassignedNs()) {
            return Answer.fail(state, RmmRules.MAP_UNPROTECTED, RmiStatus.ERROR_RTT, (int) level, "the entry is " + describe(walk.entry()));
        }
        return Answer.succeed(walk.set(state, RttEntry.assignedNs(descriptor)), RmmRules.MAP_UNPROTECTED,
                "IPA " + GranuleCommands.hex(ipa) + " maps host memory " + GranuleCommands.hex(descriptor & OUTPUT_ADDRESS));
    }

    RmmOutcome unmapUnprotected(RmmState state, long rd, long ipa, long level) {
        if (level < 1 || level > Granules.PAGE_LEVEL) {
            return Answer.fail(state, RmmRules.UNMAP_UNPROTECTED, RmiStatus.ERROR_INPUT, "level " + level + " outside 1..3");
        }
        Optional<Realm> found = state.realm(rd);
        if (found.isEmpty()) {
            return Answer.fail(state, RmmRules.UNMAP_UNPROTECTED, RmiStatus.ERROR_INPUT, GranuleCommands.hex(rd) + " is no RD");
        }
        Realm realm = found.get();
        if (level < realm.startLevel() || !validIpa(realm, ipa, (int) level) || realm.protectedIpa(ipa)) {
            return Answer.fail(state, RmmRules.UNMAP_UNPROTECTED, RmiStatus.ERROR_INPUT, "IPA invalid for level " + level);
        }
        Walk walk = Walk.of(state, realm, ipa, (int) level);
        if (walk.level() < level || walk.entry().state() != RttEntry.State.ASSIGNED) {
            return Answer.fail(state, RmmRules.UNMAP_UNPROTECTED, RmiStatus.ERROR_RTT, walk.level(), "no ASSIGNED_NS entry at level " + level);
        }
        RmmState next = walk.set(state, RttEntry.UNASSIGNED_NS);
        Answer answer = Answer.of(RmmRules.UNMAP_UNPROTECTED).status(RmiStatus.SUCCESS)
                .x(1, nonLiveTop(next.table(walk.table().pa()), walk.index()));
        return new RmmOutcome.Answered(answer.build("IPA " + GranuleCommands.hex(ipa) + " is unmapped"), next);
    }

    RmmOutcome initRipas(RmmState state, long rd, long base, long top) {
        return ripas.init(state, rd, base, top);
    }

    RmmOutcome setRipas(RmmState state, long rd, long rec, long base, long top) {
        return ripas.set(state, rd, rec, base, top);
    }

    /** RTT_CREATE, RTT_DESTROY and RTT_FOLD take levels from one below the start level to 3. */
    private static boolean structureLevel(Realm realm, long level) {
        return level >= realm.startLevel() + 1 && level <= Granules.PAGE_LEVEL;
    }

    /** Inside the IPA space and aligned to an entry of {@code level} (TF-RMM {@code validate_map_addr}). */
    private static boolean validHostDescriptor(long descriptor, int level) {
        long address = OUTPUT_ADDRESS & ~(Granules.blockSize(level) - 1);
        return (descriptor & ~(address | MEM_ATTR | S2AP)) == 0 && (descriptor & MEM_ATTR) != MEM_ATTR_RESERVED;
    }

    static boolean validIpa(Realm realm, long ipa, int level) {
        return Long.compareUnsigned(ipa, realm.ipaLimit()) < 0 && Granules.aligned(ipa, level);
    }

    /** The IPA after the non-live entries that follow {@code index} (TF-RMM {@code s2tt_skip_non_live_entries}). */
    static long nonLiveTop(RttTable table, int index) {
        return table.ipaOf(table.nextLive(index + 1));
    }

    /**
     * The x2 of a command that stopped at {@code walk}: {@code ipa} itself when the entry there is live, else the
     * end of the non-live entries from it (TF-RMM {@code s2tt_skip_non_live_entries}).
     */
    static long nonLiveFrom(Walk walk, long ipa) {
        if (walk.entry().live()) {
            return ipa;
        }
        long aligned = ipa & ~(Granules.blockSize(walk.level()) - 1);
        return aligned + (walk.table().nextLive(walk.index() + 1) - walk.index()) * Granules.blockSize(walk.level());
    }

    static String describe(RttEntry entry) {
        if (entry.state() == RttEntry.State.TABLE) {
            return "TABLE";
        }
        return entry.state() + (entry.unprotected() ? "_NS" : " " + entry.ripas());
    }
}
