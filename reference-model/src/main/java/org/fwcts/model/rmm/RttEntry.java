package org.fwcts.model.rmm;

/**
 * One RTT entry as the RMM distinguishes it (DEN0137 1.0, "RTT entry state"; TF-RMM
 * {@code lib/s2tt}): unassigned or assigned, with a RIPAS inside the protected half, "NS" in the
 * unprotected half, or a table.
 *
 * @param state UNASSIGNED, ASSIGNED or TABLE
 * @param ripas the RIPAS (EMPTY for unprotected entries and tables, as RTT_READ_ENTRY reports it)
 * @param unprotected whether the entry maps the unprotected half (host memory)
 * @param address the data granule or child RTT, or the host's descriptor for an ASSIGNED_NS entry
 */
public record RttEntry(State state, Ripas ripas, boolean unprotected, long address) {

    /** The entry state RTT_READ_ENTRY reports in x2 (DEN0137 1.0, "RmiRttEntryState"). */
    public enum State {
        UNASSIGNED, ASSIGNED, TABLE
    }

    public static final RttEntry UNASSIGNED_EMPTY = new RttEntry(State.UNASSIGNED, Ripas.EMPTY, false, 0);
    public static final RttEntry UNASSIGNED_RAM = new RttEntry(State.UNASSIGNED, Ripas.RAM, false, 0);
    public static final RttEntry UNASSIGNED_DESTROYED = new RttEntry(State.UNASSIGNED, Ripas.DESTROYED, false, 0);
    public static final RttEntry UNASSIGNED_NS = new RttEntry(State.UNASSIGNED, Ripas.EMPTY, true, 0);

    public static RttEntry assigned(Ripas ripas, long pa) {
        return new RttEntry(State.ASSIGNED, ripas, false, pa);
    }

    public static RttEntry assignedNs(long descriptor) {
        return new RttEntry(State.ASSIGNED, Ripas.EMPTY, true, descriptor);
    }

    public static RttEntry table(long pa) {
        return new RttEntry(State.TABLE, Ripas.EMPTY, false, pa);
    }

    /** A child RTT or assigned memory: what keeps an RTT live (DEN0137 1.0, "RTT liveness"). */
    public boolean live() {
        return state != State.UNASSIGNED;
    }

    /** A child RTT or protected assigned memory: what TF-RMM counts in the RTT granule's refcount. */
    public boolean referenced() {
        return state == State.TABLE || state == State.ASSIGNED && !unprotected;
    }

    public boolean unassignedNs() {
        return state == State.UNASSIGNED && unprotected;
    }

    public RttEntry withRipas(Ripas changed) {
        return new RttEntry(state, changed, unprotected, address);
    }
}
