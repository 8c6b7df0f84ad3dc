package org.fwcts.model.rmm;

import org.fwcts.model.Rule;

/**
 * Rules of the Realm Management Monitor specification that predictions cite. Sections are those
 * of DEN0137 1.0 REL0; where TF-RMM's behaviour settles an ordering the spec leaves to the
 * implementation, the statement names its source file.
 */
public final class RmmRules {
    private static final String DOC = "DEN0137 1.0 (RMM)";

    public static final Rule UNKNOWN_COMMAND = new Rule("RMM.UNKNOWN_COMMAND", DOC, "RMI commands",
            "A function ID in the RMI range that the RMI ABI version does not define returns SMC_UNKNOWN (-1).");
    public static final Rule VERSION = new Rule("RMM.VERSION", DOC, "RMI_VERSION",
            "RMI_VERSION returns SUCCESS when the requested revision is implemented, else ERROR_INPUT; x1 and x2 are"
                    + " the lower and higher implemented revisions (x1 = the request on success).");
    public static final Rule FEATURES = new Rule("RMM.FEATURES", DOC, "RMI_FEATURES",
            "RMI_FEATURES returns, with SUCCESS, the feature register of each index the RMM has (0 and 1 in TF-RMM"
                    + " v0.8.0, 0 to 4 in v0.9.0) and zero for any other index.");
    public static final Rule ACTIVATE_GATE = new Rule("RMM.ACTIVATE_GATE", "DEN0137 2.0 BET0 (RMM)",
            "RMI_RMM_ACTIVATE", "Under RMI 2.0 realm and granule commands fail until RMI_RMM_ACTIVATE succeeded"
                    + " (TF-RMM v0.9.0 runtime/core/handler.c).");
    public static final Rule GRANULE_DELEGATE = new Rule("RMM.GRANULE.DELEGATE", DOC, "RMI_GRANULE_DELEGATE",
            "Delegating an aligned, undelegated granule the RMM tracks succeeds and makes it DELEGATED; any other"
                    + " granule address gives ERROR_INPUT.");
    public static final Rule GRANULE_UNDELEGATE = new Rule("RMM.GRANULE.UNDELEGATE", DOC, "RMI_GRANULE_UNDELEGATE",
            "Undelegating a DELEGATED granule returns it to the normal world; any other granule gives ERROR_INPUT.");
    public static final Rule GRANULE_RANGE = new Rule("RMM.GRANULE.RANGE", "DEN0137 2.0 BET0 (RMM)",
            "RMI_GRANULE_RANGE_DELEGATE", "Range delegation processes granules from base and returns in x1 the"
                    + " address of the first granule it did not process (TF-RMM v0.9.0 runtime/rmi/granule.c).");
    public static final Rule GRANULE_PAS = new Rule("RMM.GRANULE.PAS", DOC, "Granule lifecycle",
            "A delegated granule is in the Realm PAS: a normal-world access to it faults (granule protection check).");
    public static final Rule REALM_CREATE = new Rule("RMM.REALM.CREATE", DOC, "RMI_REALM_CREATE",
            "REALM_CREATE checks the parameters granule (NS, readable), then the parameters, then the root RTTs and"
                    + " the RD (DELEGATED), each failure ERROR_INPUT; success makes the realm NEW.");
    public static final Rule REALM_PARAMS = new Rule("RMM.REALM.PARAMS", DOC, "RmiRealmParams",
            "Realm parameters are invalid when s2sz is out of [32, S2SZ], breakpoints or watchpoints are 0 or above"
                    + " the feature register, the start level is inconsistent with s2sz, rtt_num_start is not the"
                    + " number of root tables, the hash algorithm is not 0 or 1, or the VMID is in use.");
    public static final Rule REALM_ACTIVATE = new Rule("RMM.REALM.ACTIVATE", DOC, "RMI_REALM_ACTIVATE",
            "REALM_ACTIVATE on an RD gives SUCCESS from NEW and ERROR_REALM otherwise; a non-RD gives ERROR_INPUT.");
    public static final Rule REALM_DESTROY = new Rule("RMM.REALM.DESTROY", DOC, "RMI_REALM_DESTROY",
            "REALM_DESTROY fails with ERROR_REALM while RECs exist or the root RTTs hold live entries; success"
                    + " returns the RD and the root RTTs to DELEGATED.");
    public static final Rule REC_CREATE = new Rule("RMM.REC.CREATE", DOC, "RMI_REC_CREATE",
            "REC_CREATE checks the parameters granule, the auxiliary granules, the REC and RD granules (ERROR_INPUT),"
                    + " the realm state (ERROR_REALM unless NEW), then the MPIDR and the auxiliary count (ERROR_INPUT).");
    public static final Rule REC_AUX_COUNT = new Rule("RMM.REC.AUX_COUNT", DOC, "RMI_REC_AUX_COUNT",
            "REC_AUX_COUNT returns the number of auxiliary granules a REC of the realm needs.");
    public static final Rule REC_OPERATION = new Rule("RMM.REC.OPERATION", "DEN0137 2.0 BET0 (RMM)",
            "Stateful RMI operations", "Under RMI 2.0 REC_CREATE of a DELEGATED granule answers INCOMPLETE asking for"
                    + " the auxiliary granules (x1 the handle, x2 the request); RMI_OP_MEM_DONATE takes them from an"
                    + " address list, RMI_OP_CONTINUE then checks the RD, realm state and MPIDR and creates the REC, or"
                    + " has the host reclaim the granules first (RMI_OP_MEM_RECLAIM, x1 the ranges written) and ends with"
                    + " the error; REC_DESTROY reclaims the same way (TF-RMM v0.9.0 runtime/rmi/rec.c, sro.c).");
    public static final Rule REC_DESTROY = new Rule("RMM.REC.DESTROY", DOC, "RMI_REC_DESTROY",
            "REC_DESTROY of a REC returns it and its auxiliary granules to DELEGATED; a non-REC gives ERROR_INPUT.");
    public static final Rule REC_ENTER = new Rule("RMM.REC.ENTER", DOC, "RMI_REC_ENTER",
            "REC_ENTER checks the run granule (NS), the REC, then the realm: NEW gives (ERROR_REALM, 0), SYSTEM_OFF"
                    + " (ERROR_REALM, 1); a REC that is not runnable gives ERROR_REC.");
    public static final Rule REC_EXIT = new Rule("RMM.REC.EXIT", DOC, "RmiRecExit",
            "A REC exit reports its reason and the realm's registers or syndrome: HOST_CALL (5) with the host call's"
                    + " immediate and x0..x30, SYNC (0) with ESR, FAR and HPFAR, RIPAS_CHANGE (4) with the range.");
    public static final Rule PSCI_REALM = new Rule("RMM.PSCI.REALM", DOC, "PSCI",
            "The RMM answers a realm's PSCI_VERSION (1.1) and PSCI_FEATURES itself; CPU_ON and AFFINITY_INFO of another"
                    + " REC of the realm exit to the host (reason PSCI, gprs[0] the function, gprs[1] the MPIDR) and the REC"
                    + " cannot be entered (ERROR_REC) until RMI_PSCI_COMPLETE; about itself they return ALREADY_ON and ON,"
                    + " about no REC INVALID_PARAMS, CPU_ON at an unprotected entry INVALID_ADDRESS (TF-RMM"
                    + " runtime/rsi/psci.c).");
    public static final Rule PSCI_COMPLETE = new Rule("RMM.PSCI.COMPLETE", DOC, "RMI_PSCI_COMPLETE",
            "RMI_PSCI_COMPLETE(calling REC, target REC, status) needs a pending CPU_ON or AFFINITY_INFO whose MPIDR names"
                    + " the target in the same realm, and status SUCCESS (or DENIED for CPU_ON), else ERROR_INPUT; CPU_ON"
                    + " makes the target runnable (ALREADY_ON if it was), AFFINITY_INFO returns ON or OFF; the next entry"
                    + " hands the realm the result (TF-RMM runtime/rsi/psci.c psci_complete_request).");
    public static final Rule RTT_CREATE = new Rule("RMM.RTT.CREATE", DOC, "RMI_RTT_CREATE",
            "RTT_CREATE checks the RTT and RD granules, then level and IPA (ERROR_INPUT), then walks: a walk that stops"
                    + " above level-1 gives (ERROR_RTT, walk level), a parent already a table (ERROR_RTT, level-1).");
    public static final Rule RTT_DESTROY = new Rule("RMM.RTT.DESTROY", DOC, "RMI_RTT_DESTROY",
            "RTT_DESTROY of a non-live RTT returns it to DELEGATED and leaves the parent entry UNASSIGNED with RIPAS"
                    + " DESTROYED (protected) or UNASSIGNED_NS; a live RTT gives (ERROR_RTT, level).");
    public static final Rule RTT_FOLD = new Rule("RMM.RTT.FOLD", DOC, "RMI_RTT_FOLD",
            "RTT_FOLD replaces a homogeneous RTT by one entry of its parent and returns it (x1) to DELEGATED: all entries"
                    + " one unassigned kind, or all assigned to a contiguous range aligned to the parent's block (one RIPAS,"
                    + " or one set of host attributes); a missing parent table gives (ERROR_RTT, walk level), no RTT"
                    + " (ERROR_RTT, level-1), mixed entries (ERROR_RTT, level); a level-1 RTT of blocks cannot fold"
                    + " (TF-RMM runtime/rmi/rtt.c rtt_fold).");
    public static final Rule RTT_READ_ENTRY = new Rule("RMM.RTT.READ_ENTRY", DOC, "RMI_RTT_READ_ENTRY",
            "RTT_READ_ENTRY returns the walk level, the entry state (0 UNASSIGNED, 1 ASSIGNED, 2 TABLE), the address"
                    + " or descriptor and the RIPAS of the entry at the IPA.");
    public static final Rule RTT_INIT_RIPAS = new Rule("RMM.RTT.INIT_RIPAS", DOC, "RMI_RTT_INIT_RIPAS",
            "RTT_INIT_RIPAS of a NEW realm turns UNASSIGNED EMPTY entries to RAM from base within one RTT and returns"
                    + " how far it got; an ACTIVE realm gives ERROR_REALM.");
    public static final Rule RTT_SET_RIPAS = new Rule("RMM.RTT.SET_RIPAS", DOC, "RMI_RTT_SET_RIPAS",
            "RTT_SET_RIPAS applies the RIPAS change a REC requested, from the REC's pending base, and returns how far"
                    + " it got; a range other than the pending one gives ERROR_INPUT.");
    public static final Rule DATA_CREATE = new Rule("RMM.DATA.CREATE", DOC, "RMI_DATA_CREATE",
            "DATA_CREATE of a NEW realm maps a DELEGATED granule at an unassigned protected level-3 IPA with RIPAS RAM;"
                    + " flags other than 0 or 1 and a source not in the NS PAS give ERROR_INPUT first.");
    public static final Rule DATA_CREATE_UNKNOWN = new Rule("RMM.DATA.CREATE_UNKNOWN", DOC,
            "RMI_DATA_CREATE_UNKNOWN", "DATA_CREATE_UNKNOWN maps a DELEGATED granule at an unassigned protected"
                    + " level-3 IPA, keeping its RIPAS, in any realm state.");
    public static final Rule DATA_DESTROY = new Rule("RMM.DATA.DESTROY", DOC, "RMI_DATA_DESTROY",
            "DATA_DESTROY unmaps an assigned protected page, returns its address in x1, leaves RIPAS RAM as DESTROYED"
                    + " and returns the granule to DELEGATED.");
    public static final Rule RTT_DATA_MAP = new Rule("RMM.RTT.DATA_MAP", "DEN0137 2.0 BET0 (RMM)", "RMI_RTT_DATA_MAP",
            "RTT_DATA_MAP maps unmeasured data at [base, top) from a single output address (flags 1; anything else, or"
                    + " a range under one granule, gives ERROR_INPUT with x1 0); TF-RMM v0.9.0 maps the granule at base"
                    + " as DATA_CREATE_UNKNOWN does and returns base + 4 KiB in x1 whatever the status"
                    + " (runtime/rmi/rtt.c smc_rtt_data_map).");
    public static final Rule RTT_DATA_UNMAP = new Rule("RMM.RTT.DATA_UNMAP", "DEN0137 2.0 BET0 (RMM)",
            "RMI_RTT_DATA_UNMAP", "RTT_DATA_UNMAP unmaps data over [base, top) into a single output range (flags 1);"
                    + " TF-RMM v0.9.0 destroys the page at base as DATA_DESTROY does: a missing page is SUCCESS with x1"
                    + " the end of the non-live entries (at most top), a live block at base (ERROR_RTT, level), and x2"
                    + " the unmapped granule as an RmiAddrRangeDesc4KB (its address, count 1 in [11:2], size 4 KiB)"
                    + " (runtime/rmi/rtt.c smc_rtt_data_unmap).");
    public static final Rule MAP_UNPROTECTED = new Rule("RMM.RTT.MAP_UNPROTECTED", DOC, "RMI_RTT_MAP_UNPROTECTED",
            "RTT_MAP_UNPROTECTED maps host memory at an unprotected IPA whose entry is UNASSIGNED_NS; a protected IPA"
                    + " or a descriptor setting more than its output address, MemAttr [4:2] and S2AP [7:6] gives"
                    + " ERROR_INPUT before any walk.");
    public static final Rule UNMAP_UNPROTECTED = new Rule("RMM.RTT.UNMAP_UNPROTECTED", DOC,
            "RMI_RTT_UNMAP_UNPROTECTED", "RTT_UNMAP_UNPROTECTED unmaps an ASSIGNED_NS entry at exactly the level;"
                    + " otherwise (ERROR_RTT, walk level).");
    public static final Rule RSI_VERSION = new Rule("RMM.RSI.VERSION", DOC, "RSI_VERSION",
            "RSI_VERSION returns SUCCESS for an implemented revision, else ERROR_INPUT, with the lower and higher"
                    + " implemented revisions in x1 and x2.");
    public static final Rule RSI_FEATURES = new Rule("RMM.RSI.FEATURES", DOC, "RSI_FEATURES",
            "RSI_FEATURES returns zero for every index in RSI 1.0.");
    public static final Rule RSI_REALM_CONFIG = new Rule("RMM.RSI.REALM_CONFIG", DOC, "RSI_REALM_CONFIG",
            "RSI_REALM_CONFIG writes the realm configuration to an aligned protected RAM granule; another address"
                    + " gives RSI_ERROR_INPUT.");
    public static final Rule RSI_IPA_STATE_GET = new Rule("RMM.RSI.IPA_STATE_GET", DOC, "RSI_IPA_STATE_GET",
            "RSI_IPA_STATE_GET returns the RIPAS at base and the top of the region from base that shares it.");
    public static final Rule RSI_IPA_STATE_SET = new Rule("RMM.RSI.IPA_STATE_SET", DOC, "RSI_IPA_STATE_SET",
            "RSI_IPA_STATE_SET of a valid protected range exits to the host with RIPAS_CHANGE; the realm then sees how"
                    + " far the host applied it and whether it rejected it.");
    public static final Rule RSI_ATTEST = new Rule("RMM.RSI.ATTEST", DOC, "RSI_ATTEST_TOKEN_INIT",
            "RSI_ATTEST_TOKEN_INIT takes the challenge in x1..x8 and returns the token's upper bound in x1;"
                    + " RSI_ATTEST_TOKEN_CONTINUE copies the CCA token into a protected RAM granule, returning"
                    + " RSI_INCOMPLETE and the bytes copied until the last, then SUCCESS; an unaligned buffer, a range"
                    + " past its granule, an unprotected or RIPAS EMPTY buffer give ERROR_INPUT, no token started"
                    + " ERROR_STATE. The token is CBOR: the platform and realm tokens, the realm claims holding the"
                    + " challenge, the RIM, the REMs and the hash algorithm.");
    public static final Rule RSI_MEASUREMENT = new Rule("RMM.RSI.MEASUREMENT", DOC, "RSI_MEASUREMENT_EXTEND",
            "RSI_MEASUREMENT_EXTEND of REM 1-4 with at most 64 bytes (x3..x10) makes the REM H(REM || bytes), H the"
                    + " realm's algorithm; index 0, an index past 4 or more bytes give RSI_ERROR_INPUT."
                    + " RSI_MEASUREMENT_READ returns a measurement as little-endian words from x1, zero past the hash"
                    + " (TF-RMM runtime/rsi/realm_attest.c, app/attestation app_do_extend).");
    public static final Rule UNPROTECTED_ABORT_TOP_BIT = new Rule("RMM.IPA.UNPROTECTED_EXIT", DOC,
            "Realm IPA space", "A realm access to an unprotected IPA the host has not mapped exits to the host as a"
                    + " data abort whose HPFAR reports the IPA with its top bit (bit s2sz-1) set.");
    public static final Rule MMIO_EXIT_SYNDROME = new Rule("RMM.IPA.MMIO_SYNDROME", DOC, "Realm IPA space",
            "An emulatable data abort exit (unprotected IPA) carries a valid syndrome: ISV set, the access size (SAS)"
                    + " and whether it wrote (WnR).");
    public static final Rule SHARED_UPPER_HALF = new Rule("RMM.IPA.SHARED_UPPER_HALF", DOC, "Realm IPA space",
            "Memory the host maps for sharing is reachable only through an unprotected IPA (top bit set); the realm"
                    + " reads the host's bytes there.");
    public static final Rule PROTECTED_ALIAS = new Rule("RMM.IPA.PROTECTED_ALIAS", DOC, "Realm IPA space",
            "The protected alias of a shared IPA (top bit clear) is a different page: it does not reach the host's"
                    + " shared memory.");
    public static final Rule EMPTY_FAULTS = new Rule("RMM.IPA.EMPTY_FAULTS", DOC, "RIPAS",
            "A realm access to a protected IPA whose RIPAS is EMPTY takes a synchronous external abort in the realm.");
    public static final Rule UNASSIGNED_RAM_EXIT = new Rule("RMM.IPA.UNASSIGNED_RAM_EXIT", DOC, "RIPAS",
            "A realm access to a protected IPA with RIPAS RAM and no data granule, or RIPAS DESTROYED, exits to the"
                    + " host as a data abort.");
    public static final Rule REALM_AGENT = new Rule("RMM.REALM_AGENT", "FWCTS realm agent protocol",
            "firmware-images/realm-agent/PROTOCOL.md", "The realm agent answers each command with one RSI_HOST_CALL"
                    + " (imm 0x4657, \"RELM\", kind, status, data); its first entry reports its banner.");

    private RmmRules() {
    }
}
