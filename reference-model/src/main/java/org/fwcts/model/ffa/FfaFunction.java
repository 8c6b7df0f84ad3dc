package org.fwcts.model.ffa;

import java.util.Optional;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.smccc.FunctionId;

/**
 * FF-A functions with their SMC32 and SMC64 identifiers and the version that introduced them
 * (DEN0077A, "Function identifiers").
 */
public enum FfaFunction {
    FFA_ERROR(0x60, true, false, 1, 0),
    FFA_SUCCESS(0x61, true, true, 1, 0),
    FFA_INTERRUPT(0x62, true, false, 1, 0),
    FFA_VERSION(0x63, true, false, 1, 0),
    FFA_FEATURES(0x64, true, false, 1, 0),
    FFA_RX_RELEASE(0x65, true, false, 1, 0),
    FFA_RXTX_MAP(0x66, true, true, 1, 0),
    FFA_RXTX_UNMAP(0x67, true, false, 1, 0),
    FFA_PARTITION_INFO_GET(0x68, true, false, 1, 0),
    FFA_ID_GET(0x69, true, false, 1, 0),
    FFA_MSG_POLL(0x6A, true, false, 1, 0),
    FFA_MSG_WAIT(0x6B, true, false, 1, 0),
    FFA_YIELD(0x6C, true, false, 1, 0),
    FFA_RUN(0x6D, true, false, 1, 0),
    FFA_MSG_SEND(0x6E, true, false, 1, 0),
    FFA_MSG_SEND_DIRECT_REQ(0x6F, true, true, 1, 0),
    FFA_MSG_SEND_DIRECT_RESP(0x70, true, true, 1, 0),
    FFA_MEM_DONATE(0x71, true, true, 1, 0),
    FFA_MEM_LEND(0x72, true, true, 1, 0),
    FFA_MEM_SHARE(0x73, true, true, 1, 0),
    FFA_MEM_RETRIEVE_REQ(0x74, true, true, 1, 0),
    FFA_MEM_RETRIEVE_RESP(0x75, true, false, 1, 0),
    FFA_MEM_RELINQUISH(0x76, true, false, 1, 0),
    FFA_MEM_RECLAIM(0x77, true, false, 1, 0),
    FFA_MEM_FRAG_RX(0x7A, true, false, 1, 0),
    FFA_MEM_FRAG_TX(0x7B, true, false, 1, 0),
    FFA_NORMAL_WORLD_RESUME(0x7C, true, false, 1, 1),
    FFA_NOTIFICATION_BITMAP_CREATE(0x7D, true, false, 1, 1),
    FFA_NOTIFICATION_BITMAP_DESTROY(0x7E, true, false, 1, 1),
    FFA_NOTIFICATION_BIND(0x7F, true, false, 1, 1),
    FFA_NOTIFICATION_UNBIND(0x80, true, false, 1, 1),
    FFA_NOTIFICATION_SET(0x81, true, false, 1, 1),
    FFA_NOTIFICATION_GET(0x82, true, false, 1, 1),
    FFA_NOTIFICATION_INFO_GET(0x83, true, true, 1, 1),
    FFA_RX_ACQUIRE(0x84, true, false, 1, 1),
    FFA_SPM_ID_GET(0x85, true, false, 1, 1),
    FFA_MSG_SEND2(0x86, true, false, 1, 1),
    FFA_SECONDARY_EP_REGISTER(0x87, false, true, 1, 1),
    FFA_MEM_PERM_GET(0x88, true, true, 1, 1),
    FFA_MEM_PERM_SET(0x89, true, true, 1, 1),
    FFA_CONSOLE_LOG(0x8A, true, true, 1, 2),
    FFA_PARTITION_INFO_GET_REGS(0x8B, false, true, 1, 2),
    FFA_EL3_INTR_HANDLE(0x8C, true, false, 1, 2),
    FFA_MSG_SEND_DIRECT_REQ2(0x8D, false, true, 1, 2),
    FFA_MSG_SEND_DIRECT_RESP2(0x8E, false, true, 1, 2);

    /** FF-A function numbers start at 0x60 in the Standard Secure Service range. */
    public static final int FIRST_NUMBER = 0x60;
    public static final int LAST_NUMBER = 0xFF;
    private static final int SMC32_BASE = 0x8400_0000;
    private static final int SMC64_BASE = 0xC400_0000;
    /** Each function's answer to {@link #of}, by number, SMC32 and SMC64: every call looks one up. */
    private static final Optional<?>[] SMC32_BY_NUMBER = new Optional<?>[LAST_NUMBER + 1];
    private static final Optional<?>[] SMC64_BY_NUMBER = new Optional<?>[LAST_NUMBER + 1];

    static {
        java.util.Arrays.fill(SMC32_BY_NUMBER, Optional.empty());
        java.util.Arrays.fill(SMC64_BY_NUMBER, Optional.empty());
        for (FfaFunction function : values()) {
            if (function.hasSmc32) {
                SMC32_BY_NUMBER[function.number] = Optional.of(function);
            }
            if (function.hasSmc64) {
                SMC64_BY_NUMBER[function.number] = Optional.of(function);
            }
        }
    }

    private final int number;
    private final boolean hasSmc32;
    private final boolean hasSmc64;
    private final SpecVersion since;

    FfaFunction(int number, boolean hasSmc32, boolean hasSmc64, int sinceMajor, int sinceMinor) {
        this.number = number;
        this.hasSmc32 = hasSmc32;
        this.hasSmc64 = hasSmc64;
        this.since = SpecVersion.of(sinceMajor, sinceMinor);
    }

    /** The function named by {@code id}, SMC32 or SMC64. */
    @SuppressWarnings("unchecked")
    public static Optional<FfaFunction> of(FunctionId id) {
        int value = id.value();
        int number = value & 0xFF;
        if ((value & ~0xFF) == SMC32_BASE) {
            return (Optional<FfaFunction>) SMC32_BY_NUMBER[number];
        }
        if ((value & ~0xFF) == SMC64_BASE) {
            return (Optional<FfaFunction>) SMC64_BY_NUMBER[number];
        }
        return Optional.empty();
    }

    public int number() {
        return number;
    }

    public Optional<FunctionId> smc32() {
        return hasSmc32 ? Optional.of(new FunctionId(SMC32_BASE | number)) : Optional.empty();
    }

    public Optional<FunctionId> smc64() {
        return hasSmc64 ? Optional.of(new FunctionId(SMC64_BASE | number)) : Optional.empty();
    }

    /** The SMC32 identifier, or the SMC64 one for functions that only have that. */
    public FunctionId id() {
        return smc32().or(this::smc64).orElseThrow();
    }

    /** The x0 a caller passes for {@link #id()}: the SMC32 identifier, or SMC64 where only that exists. */
    public long x0() {
        return id().register();
    }

    /**
     * The x0 a caller passes for the SMC64 identifier.
     *
     * @throws java.util.NoSuchElementException when the function has no SMC64 identifier
     */
    public long x0Smc64() {
        return smc64().orElseThrow().register();
    }

    /** The first FF-A version that defines this function. */
    public SpecVersion since() {
        return since;
    }
}
