package org.fwcts.model.rmm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * RmiRealmParams as the host writes it into an NS granule, byte-exact (DEN0137 1.0,
 * "RmiRealmParams"; TF-RMM v0.8.0 {@code smc-rmi.h} {@code struct rmi_realm_params}): flags at 0,
 * s2sz at 0x8, sve_vl 0x10, num_bps 0x18, num_wps 0x20, pmu_num_ctrs 0x28, hash algorithm (1 byte)
 * 0x30, RPV 0x400 (64 bytes), vmid (2 bytes) 0x800, rtt_base 0x808, rtt_level_start (signed)
 * 0x810, rtt_num_start (4 bytes) 0x818. Under RMI 2.0 (TF-RMM v0.9.0) the RMM allocates the VMID and 0x800 is
 * padding; flags bits [8:7] are the MEC policy.
 */
public record RealmParams(long flags, int s2sz, int sveVl, int breakpoints, int watchpoints, int pmuCounters,
        int hashAlgorithm, int vmid, long rttBase, long rttLevelStart, int rttNumStart) {

    public static final int SIZE = 0x820;
    private static final long FLAG_LPA2 = 1;
    private static final long FLAG_SVE = 1 << 1;
    private static final long FLAG_PMU = 1 << 2;
    /** RmiRealmFlags0 [8:7], RMI 2.0 (TF-RMM v0.9.0 {@code RMI_REALM_FLAGS0_MEC_POLICY}). */
    private static final int MEC_POLICY_SHIFT = 7;

    /** Parameters for a realm of {@code s2sz} IPA bits with one root RTT at level 1 at {@code rttBase}. */
    public static RealmParams simple(int s2sz, long rttBase, int vmid) {
        return new RealmParams(0, s2sz, 0, 1, 1, 0, 0, vmid, rttBase, 1, 1);
    }

    public static RealmParams decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return new RealmParams(b.getLong(0), b.getInt(0x8), b.getInt(0x10), b.getInt(0x18), b.getInt(0x20),
                b.getInt(0x28), b.get(0x30) & 0xFF, b.getShort(0x800) & 0xFFFF, b.getLong(0x808), b.getLong(0x810),
                b.getInt(0x818));
    }

    /** The bytes of a 4 KiB parameters granule holding these parameters (the rest zero). */
    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate((int) Granules.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, flags).putInt(0x8, s2sz).putInt(0x10, sveVl).putInt(0x18, breakpoints).putInt(0x20, watchpoints)
                .putInt(0x28, pmuCounters).put(0x30, (byte) hashAlgorithm).putShort(0x800, (short) vmid)
                .putLong(0x808, rttBase).putLong(0x810, rttLevelStart).putInt(0x818, rttNumStart);
        return b.array();
    }

    public RealmParams withFlags(long value) {
        return new RealmParams(value, s2sz, sveVl, breakpoints, watchpoints, pmuCounters, hashAlgorithm, vmid, rttBase,
                rttLevelStart, rttNumStart);
    }

    public RealmParams withS2sz(int value) {
        return new RealmParams(flags, value, sveVl, breakpoints, watchpoints, pmuCounters, hashAlgorithm, vmid, rttBase,
                rttLevelStart, rttNumStart);
    }

    public RealmParams withHashAlgorithm(int value) {
        return new RealmParams(flags, s2sz, sveVl, breakpoints, watchpoints, pmuCounters, value, vmid, rttBase,
                rttLevelStart, rttNumStart);
    }

    public RealmParams withRttNumStart(int value) {
        return new RealmParams(flags, s2sz, sveVl, breakpoints, watchpoints, pmuCounters, hashAlgorithm, vmid, rttBase,
                rttLevelStart, value);
    }

    public RealmParams withBreakpoints(int value) {
        return new RealmParams(flags, s2sz, sveVl, value, watchpoints, pmuCounters, hashAlgorithm, vmid, rttBase,
                rttLevelStart, rttNumStart);
    }

    public RealmParams withWatchpoints(int value) {
        return new RealmParams(flags, s2sz, sveVl, breakpoints, value, pmuCounters, hashAlgorithm, vmid, rttBase,
                rttLevelStart, rttNumStart);
    }

    /**
     * What makes these parameters invalid under {@code profile}, in TF-RMM v0.8.0's order
     * ({@code runtime/rmi/realm.c} {@code validate_realm_params}); empty when they are valid.
     */
    public Optional<String> invalidity(RmmProfile profile, RmmState state) {
        if ((flags & FLAG_LPA2) != 0 && !profile.lpa2()) {
            return Optional.of("LPA2 requested but not supported");
        }
        if (s2sz < 32 || s2sz > profile.s2szLimit()) {
            return Optional.of("s2sz " + s2sz + " outside [32, " + profile.s2szLimit() + "]");
        }
        if (breakpoints == 0 || breakpoints > profile.breakpoints() || watchpoints == 0
                || watchpoints > profile.watchpoints()) {
            return Optional.of("breakpoints/watchpoints " + breakpoints + "/" + watchpoints + " outside [1, max]");
        }
        if ((flags & FLAG_SVE) != 0 && (!profile.sve() || sveVl > profile.sveVl())) {
            return Optional.of("SVE requested beyond the feature register");
        }
        if ((flags & FLAG_PMU) != 0 && pmuCounters > profile.pmuCounters()) {
            return Optional.of("more PMU counters than the feature register");
        }
        if (profile.mecPolicyChecked() && ((flags >>> MEC_POLICY_SHIFT) & 3) > 1) {
            return Optional.of("MEC policy " + ((flags >>> MEC_POLICY_SHIFT) & 3) + " is neither SHARED (0) nor PRIVATE (1)");
        }
        if (inconsistentStartLevel()) {
            return Optional.of("start level " + rttLevelStart + " inconsistent with s2sz " + s2sz);
        }
        if (rootTables() != rttNumStart) {
            return Optional.of("rtt_num_start " + rttNumStart + " where " + rootTables() + " root tables are needed");
        }
        if ((rttBase & (rttNumStart * Granules.SIZE - 1)) != 0) {
            return Optional.of("rtt_base not aligned to the concatenated root tables");
        }
        if (hashAlgorithm > 1) {
            return Optional.of("hash algorithm " + hashAlgorithm + " is neither SHA-256 (0) nor SHA-512 (1)");
        }
        for (Realm realm : state.realms().values()) {
            if (profile.hostAssignsVmid() && realm.vmid() == vmid) {
                return Optional.of("VMID " + vmid + " is in use");
            }
        }
        return Optional.empty();
    }

    /**
     * With 4 KiB granules a start level resolves 9 bits plus up to 4 by concatenating 16 tables
     * (Arm ARM, S2InconsistentSL); a level that leaves nothing to resolve is inconsistent too.
     */
    private boolean inconsistentStartLevel() {
        if (rttLevelStart < 0 || rttLevelStart > Granules.PAGE_LEVEL) {
            return true;
        }
        int below = Granules.shift((int) rttLevelStart);
        return s2sz <= below || s2sz > below + 9 + 4;
    }

    /** How many concatenated root tables the IPA width needs at the start level (TF-RMM {@code s2_num_root_rtts}). */
    public int rootTables() {
        if (inconsistentStartLevel()) {
            return -1;
        }
        int resolved = Granules.shift((int) rttLevelStart) + 9;
        return s2sz <= resolved ? 1 : 1 << (s2sz - resolved);
    }
}
