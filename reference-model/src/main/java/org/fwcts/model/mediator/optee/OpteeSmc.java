package org.fwcts.model.mediator.optee;

/**
 * OP-TEE's SMC function IDs and return codes (optee_smc.h, as Xen carries it in
 * xen/arch/arm/include/asm/tee/optee_smc.h and OP-TEE in core/arch/arm/include/sm/optee_smc.h).
 * All are SMC32; fast calls of the Trusted OS owner (50), the generic queries of owner 63.
 */
public final class OpteeSmc {
    public static final long CALLS_COUNT = 0xBF00_FF00L;
    public static final long CALLS_UID = 0xBF00_FF01L;
    public static final long CALLS_REVISION = 0xBF00_FF03L;
    public static final long GET_OS_UUID = 0xB200_0000L;
    public static final long GET_OS_REVISION = 0xB200_0001L;
    public static final long GET_SHM_CONFIG = 0xB200_0007L;
    public static final long L2CC_MUTEX = 0xB200_0008L;
    public static final long EXCHANGE_CAPABILITIES = 0xB200_0009L;
    public static final long DISABLE_SHM_CACHE = 0xB200_000AL;
    public static final long ENABLE_SHM_CACHE = 0xB200_000BL;
    public static final long BOOT_SECONDARY = 0xB200_000CL;
    public static final long VM_CREATED = 0xB200_000DL;
    public static final long VM_DESTROYED = 0xB200_000EL;
    public static final long GET_THREAD_COUNT = 0xB200_000FL;
    public static final long ENABLE_ASYNC_NOTIF = 0xB200_0010L;
    public static final long GET_ASYNC_NOTIF_VALUE = 0xB200_0011L;
    /** Standard (yielding) calls. */
    public static final long RETURN_FROM_RPC = 0x3200_0003L;
    public static final long CALL_WITH_ARG = 0x3200_0004L;
    public static final long CALL_WITH_RPC_ARG = 0x3200_0012L;
    public static final long CALL_WITH_REGD_ARG = 0x3200_0013L;

    public static final long RETURN_OK = 0;
    public static final long RETURN_ETHREAD_LIMIT = 1;
    public static final long RETURN_EBUSY = 2;
    public static final long RETURN_ERESUME = 3;
    public static final long RETURN_EBADADDR = 4;
    public static final long RETURN_EBADCMD = 5;
    public static final long RETURN_ENOMEM = 6;
    public static final long RETURN_ENOTAVAIL = 7;

    /** An RPC return: 0xFFFF0000 | function, OPTEE_SMC_RETURN_IS_RPC. */
    public static final long RPC_PREFIX = 0xFFFF_0000L;
    public static final int RPC_ALLOC = 0;
    public static final int RPC_FREE = 2;
    public static final int RPC_FOREIGN_INTR = 4;
    public static final int RPC_CMD = 5;

    /** OPTEE_SMC_NSEC_CAP_UNIPROCESSOR: the one normal-world capability. */
    public static final long NSEC_CAP_UNIPROCESSOR = 1;
    public static final long SEC_CAP_HAVE_RESERVED_SHM = 1;
    public static final long SEC_CAP_UNREGISTERED_SHM = 1 << 1;
    public static final long SEC_CAP_DYNAMIC_SHM = 1 << 2;
    public static final long SEC_CAP_VIRTUALIZATION = 1 << 3;
    public static final long SEC_CAP_MEMREF_NULL = 1 << 4;
    public static final long SEC_CAP_ASYNC_NOTIF = 1 << 5;
    public static final long SEC_CAP_RPC_ARG = 1 << 6;
    public static final long SEC_CAP_RPMB_PROBE = 1 << 7;

    /** OPTEE_MSG_UID_0..3, the API UID CALLS_UID returns. */
    public static final long[] API_UID = {0x384f_b3e0L, 0xe7f8_11e3L, 0xaf63_0002L, 0xa5d5_c51bL};
    /** OPTEE_MSG_OS_OPTEE_UUID_0..3, what GET_OS_UUID returns. */
    public static final long[] OS_UUID = {0x4861_78e0L, 0xe7f8_11e3L, 0xbc5e_0002L, 0xa5d5_c51bL};
    /** OPTEE_MSG_REVISION_MAJOR and _MINOR, what CALLS_REVISION returns. */
    public static final long API_MAJOR = 2;
    public static final long API_MINOR = 0;

    private OpteeSmc() {
    }

    /** The RPC return code of {@code function}. */
    public static long rpc(int function) {
        return RPC_PREFIX | function;
    }

    /** Whether {@code w0} is an RPC return (OPTEE_SMC_RETURN_IS_RPC). */
    public static boolean isRpc(long w0) {
        long w = w0 & 0xFFFF_FFFFL;
        return w != 0xFFFF_FFFFL && (w & 0xFFFF_0000L) == RPC_PREFIX;
    }

    /** Whether Xen hands an SMC with this w0 to the TEE mediator: owners 48..63 (vsmc.c vsmccc_handle_call). */
    public static boolean mediated(long x0) {
        int owner = (int) ((x0 >>> 24) & 0x3F);
        return owner >= 48 && owner <= 63;
    }

    /** The high and low halves of a 64-bit value passed in a register pair (reg_pair_from_64). */
    public static long pair(long high, long low) {
        return ((high & 0xFFFF_FFFFL) << 32) | (low & 0xFFFF_FFFFL);
    }
}
