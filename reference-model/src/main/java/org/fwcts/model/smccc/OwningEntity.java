package org.fwcts.model.smccc;

/** The owning-entity ranges of function-ID bits [29:24] (DEN0028, "Function Identifier"). */
public enum OwningEntity {
    ARM_ARCHITECTURE(0, 0),
    CPU_SERVICE(1, 1),
    SIP_SERVICE(2, 2),
    OEM_SERVICE(3, 3),
    STANDARD_SECURE_SERVICE(4, 4),
    STANDARD_HYPERVISOR_SERVICE(5, 5),
    VENDOR_HYPERVISOR_SERVICE(6, 6),
    VENDOR_EL3_MONITOR_SERVICE(7, 7),
    RESERVED(8, 47),
    TRUSTED_APPLICATION(48, 49),
    TRUSTED_OS(50, 63);

    private final int first;
    private final int last;

    OwningEntity(int first, int last) {
        this.first = first;
        this.last = last;
    }

    /** {@link #values()} once: every call's function ID is classified by owner. */
    private static final OwningEntity[] ALL = values();

    public static OwningEntity of(int number) {
        for (OwningEntity owner : ALL) {
            if (number >= owner.first && number <= owner.last) {
                return owner;
            }
        }
        throw new IllegalArgumentException("owning entity number out of range: " + number);
    }

    /** The first entity number of this range, as used when building a function ID. */
    public int firstNumber() {
        return first;
    }
}
