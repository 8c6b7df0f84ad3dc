package org.fwcts.model.rmm;

import java.util.ArrayList;
import java.util.List;
import org.fwcts.model.SpecVersion;

/**
 * The implementation-defined choices of one RMM, each a named field.
 *
 * @param rmiVersion the RMI ABI revision RMI_VERSION reports as the higher one: 1.0 for TF-RMM
 *     v0.8.0 ({@code runtime/rmi/version.c}: {@code MAKE_RMI_REVISION(1, 0)} without RMM_V1_1),
 *     2.0 for TF-RMM v0.9.0 (the same file lists only 2.0)
 * @param rsiVersion the highest RSI revision RSI_VERSION reports; every lower minor revision of its major is
 *     supported too ({@code runtime/rsi/version.c}: 1.0 in TF-RMM v0.8.0, 1.0 and 1.1 in v0.9.0)
 * @param featureRegister0 RMI_FEATURES index 0 (DEN0137 1.0, "RmiFeatureRegister0"): S2SZ
 *     [7:0], LPA2 [8], SVE [9], SVE_VL [13:10], NUM_BPS [19:14], NUM_WPS [25:20], PMU [26],
 *     PMU_NUM_CTRS [31:27], SHA-256 [32], SHA-512 [33]; the CPU and platform decide it
 * @param higherFeatureRegisters RMI_FEATURES index 1 upwards ({@code runtime/rmi/feature.c}); any index past
 *     them reads 0. TF-RMM v0.8.0 has register 1 = MAX_MECID ({@code mecid_max()}); v0.9.0 has registers 1-4:
 *     granule size, hashes, MAX_RECS_ORDER, L0GPTSZ and PPS (fixed by the build), DA_EN (cleared when the
 *     SMMUv3 driver fails to start), auxiliary planes and S2AP indirection (FEAT_S2PIE), and the MEC count
 * @param granuleBase the first physical address the RMM tracks granules for (the platform's
 *     DRAM as TF-A passes it to the RMM; an address outside gives ERROR_INPUT)
 * @param granuleEnd the end of that range (exclusive)
 * @param recAuxCount what RMI_REC_AUX_COUNT returns: TF-RMM's MAX_REC_AUX_GRANULES (16,
 *     {@code runtime/include/rec.h})
 * @param rangeDelegation granules are delegated by range (RMI_GRANULE_RANGE_DELEGATE, x1 =
 *     next address) instead of one by one: RMI 2.0, TF-RMM v0.9.0 {@code runtime/rmi/granule.c}
 * @param activationGate the RMM refuses realm and granule commands until RMI_RMM_ACTIVATE:
 *     RMI 2.0, TF-RMM v0.9.0 {@code smc-rmi.h} {@code enum rmm_state}
 * @param hostAssignsVmid the host chooses the realm's VMID in the realm parameters (offset 0x800) and a VMID in
 *     use is refused: RMI 1.0, TF-RMM v0.8.0 {@code validate_realm_params} ({@code vmid_reserve}); TF-RMM v0.9.0
 *     allocates the VMID itself ({@code smc_realm_create}: {@code vmid_alloc}) and the field is padding
 * @param mecPolicyChecked REALM_CREATE refuses a MEC policy (RmiRealmFlags0 [8:7]) other than SHARED (0) or
 *     PRIVATE (1), after the DA flag and before the start level: TF-RMM v0.9.0 {@code validate_realm_params};
 *     v0.8.0 reads no policy there
 * @param recCreateByDonation REC_CREATE and REC_DESTROY are stateful operations whose auxiliary granules the
 *     host donates and reclaims with RMI_OP_MEM_DONATE/RECLAIM and RMI_OP_CONTINUE (RMI 2.0, TF-RMM v0.9.0
 *     {@code runtime/rmi/rec.c}, {@code sro.c}; REC_AUX_COUNT is gone); RMI 1.0 lists the auxiliary granules
 *     in the REC parameters
 * @param ccaTokenTag the CBOR tag of the CCA token collection RSI_ATTEST_TOKEN_CONTINUE writes: 399, the platform
 *     (44234) and realm (44241) tokens as byte strings, in TF-RMM v0.8.0; 907, each token in a [263, bstr] array
 *     (263 the CoAP content format of an EAT CWT), in v0.9.0 built without DOWNREV_CCA_TOKEN_TOP_FORMAT
 *     ({@code app/attestation/el0_app/src/attestation_token.c} {@code attest_cca_token_create})
 * @param tokenBufferSize the upper bound RSI_ATTEST_TOKEN_INIT returns in x1: TF-RMM's ATTEST_TOKEN_BUF_SIZE,
 *     RMM_CCA_TOKEN_BUFFER (a build option, 1 by default) pages of 4 KB
 */
public record RmmProfile(SpecVersion rmiVersion, SpecVersion rsiVersion, long featureRegister0,
        List<Long> higherFeatureRegisters, long granuleBase, long granuleEnd, int recAuxCount, boolean rangeDelegation, boolean activationGate,
        boolean hostAssignsVmid, boolean mecPolicyChecked, boolean recCreateByDonation,
        int ccaTokenTag, int tokenBufferSize) {

    /** S2SZ 48, 6 breakpoints, 4 watchpoints, PMU with 8 counters, SHA-256 and SHA-512: QEMU's max CPU. */
    public static final long QEMU_MAX_FEATURES = 48L | 6L << 14 | 4L << 20 | 1L << 26 | 8L << 27 | 1L << 32 | 1L << 33;
    /** QEMU virt's DRAM from 0x40000000, 2 GiB (the size qemu-rme runs with). */
    private static final long DRAM_BASE = 0x4000_0000L;
    private static final long DRAM_END = 0xC000_0000L;

    /**
     * TF-RMM v0.9.0 register 1: 4 KB granules [0], SHA-256 [3], SHA-512 [5], MAX_RECS_ORDER 10 [9:6] (the
     * granule refcount width), L0GPTSZ 30 bits (0) [13:10], PPS 48 bits (5) [16:14].
     */
    public static final long TF_RMM_0_9_FEATURES_1 = 1L | 1L << 3 | 1L << 5 | 10L << 6 | 5L << 14;
    /** TF-RMM v0.9.0 register 3 without FEAT_S2PIE: MAX_NUM_AUX_PLANES 3 [3:0], RTT_PLANE AUX (0) [5:4]. */
    public static final long TF_RMM_0_9_FEATURES_3 = 3L;

    /** TF-RMM v0.8.0 (RMI 1.0), with TF-A v2.14.0; QEMU 10.0's max CPU has no FEAT_MEC. */
    public static final RmmProfile TF_RMM_0_8 = new RmmProfile(SpecVersion.of(1, 0), SpecVersion.of(1, 0),
            QEMU_MAX_FEATURES, List.of(0L), DRAM_BASE, DRAM_END, 16, false, false, true, false, false, 399, 4096);
    /**
     * TF-RMM v0.9.0 (RMI 2.0), with TF-A v2.15.0, on QEMU virt: no SMMUv3 for the RMM (DA_EN 0), no FEAT_S2PIE,
     * no FEAT_MEC.
     */
    public static final RmmProfile TF_RMM_0_9 = new RmmProfile(SpecVersion.of(2, 0), SpecVersion.of(1, 1),
            QEMU_MAX_FEATURES, List.of(TF_RMM_0_9_FEATURES_1, 0L, TF_RMM_0_9_FEATURES_3, 0L), DRAM_BASE, DRAM_END,
            16, true, true, false, true, true, 907, 4096);

    public RmmProfile {
        higherFeatureRegisters = List.copyOf(higherFeatureRegisters);
    }

    /** What RMI_FEATURES answers for {@code index}: 0 past the registers this RMM has. */
    public long featureRegister(long index) {
        if (index == 0) {
            return featureRegister0;
        }
        return Long.compareUnsigned(index, higherFeatureRegisters.size()) <= 0
                ? higherFeatureRegisters.get((int) index - 1) : 0;
    }

    /** The number of RMI_FEATURES registers this RMM has (index 0 included). */
    public int featureRegisterCount() {
        return higherFeatureRegisters.size() + 1;
    }

    public int s2szLimit() {
        return (int) (featureRegister0 & 0xFF);
    }

    public int breakpoints() {
        return (int) ((featureRegister0 >>> 14) & 0x3F);
    }

    public int watchpoints() {
        return (int) ((featureRegister0 >>> 20) & 0x3F);
    }

    public boolean lpa2() {
        return ((featureRegister0 >>> 8) & 1) != 0;
    }

    public boolean sve() {
        return ((featureRegister0 >>> 9) & 1) != 0;
    }

    public int sveVl() {
        return (int) ((featureRegister0 >>> 10) & 0xF);
    }

    public int pmuCounters() {
        return (int) ((featureRegister0 >>> 27) & 0x1F);
    }

    /** Whether {@code address} names a granule the RMM tracks: aligned and in its range. */
    public boolean tracks(long address) {
        return (address & (Granules.SIZE - 1)) == 0 && Long.compareUnsigned(address, granuleBase) >= 0
                && Long.compareUnsigned(address, granuleEnd) < 0;
    }

    public RmmProfile withFeatureRegister0(long value) {
        return withFeatureRegister(0, value);
    }

    /** This profile with RMI_FEATURES register {@code index} reading {@code value}. */
    public RmmProfile withFeatureRegister(int index, long value) {
        if (index < 0 || index >= featureRegisterCount()) {
            throw new IllegalArgumentException("RMI " + rmiVersion + " has feature registers 0 to "
                    + (featureRegisterCount() - 1) + ", not " + index);
        }
        long register0 = index == 0 ? value : featureRegister0;
        List<Long> higher = new ArrayList<>(higherFeatureRegisters);
        if (index > 0) {
            higher.set(index - 1, value);
        }
        return new RmmProfile(rmiVersion, rsiVersion, register0, higher, granuleBase, granuleEnd, recAuxCount,
                rangeDelegation, activationGate, hostAssignsVmid, mecPolicyChecked, recCreateByDonation, ccaTokenTag,
                tokenBufferSize);
    }
}
