package org.fwcts.model.psci;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.smccc.FunctionId;

/**
 * PSCI functions with their SMC32 and SMC64 identifiers and the PSCI version that added them
 * (DEN0022, "Function IDs").
 */
public enum PsciFunction {
    PSCI_VERSION(0x00, false, 0, 2),
    CPU_SUSPEND(0x01, true, 0, 2),
    CPU_OFF(0x02, false, 0, 2),
    CPU_ON(0x03, true, 0, 2),
    AFFINITY_INFO(0x04, true, 0, 2),
    MIGRATE(0x05, true, 0, 2),
    MIGRATE_INFO_TYPE(0x06, false, 0, 2),
    MIGRATE_INFO_UP_CPU(0x07, true, 0, 2),
    SYSTEM_OFF(0x08, false, 0, 2),
    SYSTEM_RESET(0x09, false, 0, 2),
    PSCI_FEATURES(0x0A, false, 1, 0),
    CPU_FREEZE(0x0B, false, 1, 0),
    CPU_DEFAULT_SUSPEND(0x0C, true, 1, 0),
    NODE_HW_STATE(0x0D, true, 1, 0),
    SYSTEM_SUSPEND(0x0E, true, 1, 0),
    PSCI_SET_SUSPEND_MODE(0x0F, false, 1, 0),
    PSCI_STAT_RESIDENCY(0x10, true, 1, 0),
    PSCI_STAT_COUNT(0x11, true, 1, 0),
    SYSTEM_RESET2(0x12, true, 1, 1),
    MEM_PROTECT(0x13, false, 1, 1),
    MEM_PROTECT_CHECK_RANGE(0x14, true, 1, 1);

    /** PSCI owns function numbers 0x00–0x1F of the Standard Secure Service. */
    public static final int LAST_RESERVED_NUMBER = 0x1F;

    private static final int STANDARD_SECURE_SERVICE = 4;

    private final int number;
    private final boolean hasSmc64;
    private final SpecVersion since;

    PsciFunction(int number, boolean hasSmc64, int sinceMajor, int sinceMinor) {
        this.number = number;
        this.hasSmc64 = hasSmc64;
        this.since = SpecVersion.of(sinceMajor, sinceMinor);
    }

    public FunctionId smc32() {
        return FunctionId.build(true, false, STANDARD_SECURE_SERVICE, number);
    }

    public Optional<FunctionId> smc64() {
        return hasSmc64 ? Optional.of(FunctionId.build(true, true, STANDARD_SECURE_SERVICE, number)) : Optional.empty();
    }

    public SpecVersion since() {
        return since;
    }

    /** Every PSCI function identifier, SMC32 and SMC64. */
    public static List<FunctionId> allIds() {
        List<FunctionId> ids = new ArrayList<>();
        for (PsciFunction function : values()) {
            ids.add(function.smc32());
            function.smc64().ifPresent(ids::add);
        }
        return ids;
    }

    public static Optional<PsciFunction> of(FunctionId id) {
        for (PsciFunction function : values()) {
            if (function.smc32().equals(id) || function.smc64().filter(id::equals).isPresent()) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }

    /** The name with the calling convention, e.g. {@code CPU_ON (SMC64)}. */
    public static String nameOf(FunctionId id) {
        return of(id).map(f -> f.name() + (id.isSmc64() ? " (SMC64)" : "")).orElse("PSCI function " + id);
    }
}
