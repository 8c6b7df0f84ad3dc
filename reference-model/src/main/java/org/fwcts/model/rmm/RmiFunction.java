package org.fwcts.model.rmm;

import java.util.Optional;

/**
 * The RMI commands the model knows, by function ID: SMC64 fast calls of the standard service
 * owner, 0xC4000150 plus the command's offset (DEN0137 1.0, "RMI commands"; TF-RMM
 * {@code lib/smc/include/smc-rmi.h}). Which exist depends on the RMI ABI of the profile.
 */
public enum RmiFunction {
    RMI_VERSION(0x00, Abi.BOTH),
    RMI_GRANULE_DELEGATE(0x01, Abi.V1_ONLY),
    RMI_GRANULE_UNDELEGATE(0x02, Abi.V1_ONLY),
    RMI_DATA_CREATE(0x03, Abi.V1_ONLY),
    /** RMI 2.0's name and place for DATA_CREATE, the same arguments (TF-RMM v0.9.0 {@code smc_rtt_data_map_init}). */
    RMI_RTT_DATA_MAP_INIT(0x03, Abi.V2_ONLY),
    RMI_DATA_CREATE_UNKNOWN(0x04, Abi.V1_ONLY),
    RMI_DATA_DESTROY(0x05, Abi.V1_ONLY),
    RMI_REALM_ACTIVATE(0x07, Abi.BOTH),
    RMI_REALM_CREATE(0x08, Abi.BOTH),
    RMI_REALM_DESTROY(0x09, Abi.BOTH),
    RMI_REC_CREATE(0x0A, Abi.BOTH),
    RMI_REC_DESTROY(0x0B, Abi.BOTH),
    RMI_REC_ENTER(0x0C, Abi.BOTH),
    RMI_RTT_CREATE(0x0D, Abi.BOTH),
    RMI_RTT_DESTROY(0x0E, Abi.BOTH),
    RMI_RTT_MAP_UNPROTECTED(0x0F, Abi.BOTH),
    RMI_RTT_READ_ENTRY(0x11, Abi.BOTH),
    RMI_RTT_UNMAP_UNPROTECTED(0x12, Abi.BOTH),
    RMI_PSCI_COMPLETE(0x14, Abi.BOTH),
    RMI_FEATURES(0x15, Abi.BOTH),
    RMI_RTT_FOLD(0x16, Abi.BOTH),
    RMI_REC_AUX_COUNT(0x17, Abi.V1_ONLY),
    RMI_RTT_INIT_RIPAS(0x18, Abi.BOTH),
    RMI_RTT_SET_RIPAS(0x19, Abi.BOTH),
    /** RMI 2.0 (TF-RMM v0.9.0 {@code smc-rmi.h}: FID 0xC40001F1): delegates [base, top) granule by granule. */
    RMI_GRANULE_RANGE_DELEGATE(0xA1, Abi.V2_ONLY),
    /** RMI 2.0 (FID 0xC40001F2). */
    RMI_GRANULE_RANGE_UNDELEGATE(0xA2, Abi.V2_ONLY),
    /**
     * RMI 2.0 (FID 0xC40001F5): maps unmeasured data over [base, top); x3 the output address type (1: a single
     * range), x4 the output address. TF-RMM v0.9.0 maps the first granule only and says so in x1.
     */
    RMI_RTT_DATA_MAP(0xA5, Abi.V2_ONLY),
    /** RMI 2.0 (FID 0xC40001F6): unmaps data over [base, top), x3 flags, x4 an output list (unused for a single range). */
    RMI_RTT_DATA_UNMAP(0xA6, Abi.V2_ONLY),
    /** RMI 2.0 (FID 0xC4000202): the gate before any realm command. */
    RMI_RMM_ACTIVATE(0xB2, Abi.V2_ONLY),
    /** RMI 2.0 (FID 0xC4000203): continues a stateful operation, x1 its handle, x2 flags. */
    RMI_OP_CONTINUE(0xB3, Abi.V2_ONLY),
    /** RMI 2.0 (FID 0xC4000208): donates the granules of an address list (x2 its address, x3 its entries) to an operation. */
    RMI_OP_MEM_DONATE(0xB8, Abi.V2_ONLY),
    /** RMI 2.0 (FID 0xC4000209): the operation writes the granules it gives back into an address list. */
    RMI_OP_MEM_RECLAIM(0xB9, Abi.V2_ONLY),
    /** RMI 2.0 (FID 0xC400020A): cancels an operation that allows it. */
    RMI_OP_CANCEL(0xBA, Abi.V2_ONLY);

    /** The first RMI function ID (offset 0). */
    public static final long BASE = 0xC400_0150L;

    /** In which RMI ABI majors a command exists. */
    public enum Abi {
        BOTH, V1_ONLY, V2_ONLY;

        boolean in(int major) {
            return this == BOTH || (this == V1_ONLY) == (major == 1);
        }
    }

    private static final RmiFunction[] ALL = values();

    private final int offset;
    private final Abi abi;

    RmiFunction(int offset, Abi abi) {
        this.offset = offset;
        this.abi = abi;
    }

    /** The value of x0 that calls this command. */
    public long id() {
        return BASE + offset;
    }

    /** Whether the command exists in RMI ABI {@code major}. */
    public boolean existsIn(int major) {
        return abi.in(major);
    }

    /** The command {@code functionId} names in RMI ABI {@code major}, if any. */
    public static Optional<RmiFunction> of(long functionId, int major) {
        for (RmiFunction function : ALL) {
            if (function.id() == functionId && function.existsIn(major)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }
}
