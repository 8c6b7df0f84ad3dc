package org.fwcts.model.rmm;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the RMM holds across calls within a boot: granule states, realms by RD, RECs and RTTs by
 * granule. Immutable; each change copies the one map it touches.
 *
 * @param active whether RMI_RMM_ACTIVATE succeeded (always true where the profile has no gate)
 * @param realmsCreated how many REALM_CREATE calls succeeded this boot (numbers realm endpoints)
 * @param operations the stateful operations in progress (RMI 2.0), by handle
 */
public record RmmState(Map<Long, GranuleState> granules, Map<Long, Realm> realms, Map<Long, Rec> recs,
        Map<Long, RttTable> tables, boolean active, int realmsCreated, Map<Long, RecOperation> operations) {

    /** A state without operations in progress. */
    public RmmState(Map<Long, GranuleState> granules, Map<Long, Realm> realms, Map<Long, Rec> recs,
            Map<Long, RttTable> tables, boolean active, int realmsCreated) {
        this(granules, realms, recs, tables, active, realmsCreated, Map.of());
    }

    /** The state right after boot: every granule undelegated, no realm. */
    public static RmmState freshBoot(RmmProfile profile) {
        return new RmmState(Map.of(), Map.of(), Map.of(), Map.of(), !profile.activationGate(), 0, Map.of());
    }

    public GranuleState granule(long pa) {
        return granules.getOrDefault(pa, GranuleState.UNDELEGATED);
    }

    public Optional<Realm> realm(long rd) {
        return Optional.ofNullable(realms.get(rd));
    }

    public Optional<Rec> rec(long pa) {
        return Optional.ofNullable(recs.get(pa));
    }

    public RttTable table(long pa) {
        RttTable table = tables.get(pa);
        if (table == null) {
            throw new IllegalStateException("no RTT at 0x" + Long.toHexString(pa));
        }
        return table;
    }

    /** The realm with {@code ordinal}, if it still exists. */
    public Optional<Realm> realmNumber(int ordinal) {
        return realms.values().stream().filter(realm -> realm.ordinal() == ordinal).findFirst();
    }

    RmmState withGranule(long pa, GranuleState state) {
        return new RmmState(put(granules, pa, state == GranuleState.UNDELEGATED ? null : state), realms, recs, tables,
                active, realmsCreated, operations);
    }

    RmmState withRealm(long rd, Realm realm) {
        return new RmmState(granules, put(realms, rd, realm), recs, tables, active, realmsCreated, operations);
    }

    RmmState withRec(long pa, Rec rec) {
        return new RmmState(granules, realms, put(recs, pa, rec), tables, active, realmsCreated, operations);
    }

    RmmState withTable(long pa, RttTable table) {
        return new RmmState(granules, realms, recs, put(tables, pa, table), active, realmsCreated, operations);
    }

    /** Two tables changed in one copy of the map ({@code second} null removes it): a parent RTT and its child. */
    RmmState withTables(long firstPa, RttTable first, long secondPa, RttTable second) {
        Map<Long, RttTable> copy = new HashMap<>(tables);
        copy.put(firstPa, first);
        if (second == null) {
            copy.remove(secondPa);
        } else {
            copy.put(secondPa, second);
        }
        return new RmmState(granules, realms, recs, Collections.unmodifiableMap(copy), active, realmsCreated, operations);
    }

    /** The operation with {@code handle} set, or ended when it is null. */
    RmmState withOperation(long handle, RecOperation operation) {
        return new RmmState(granules, realms, recs, tables, active, realmsCreated, put(operations, handle, operation));
    }

    /** The lowest handle no operation holds (TF-RMM v0.9.0 {@code sro_ctx_reserve} takes the first free context). */
    long freeHandle() {
        long handle = 0;
        while (operations.containsKey(handle)) {
            handle++;
        }
        return handle;
    }

    RmmState activated() {
        return new RmmState(granules, realms, recs, tables, true, realmsCreated, operations);
    }

    RmmState countRealm() {
        return new RmmState(granules, realms, recs, tables, active, realmsCreated + 1, operations);
    }

    /** A copy of {@code map} with {@code key} set to {@code value}, or removed when it is null. */
    private static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
        Map<K, V> copy = new HashMap<>(map);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return Collections.unmodifiableMap(copy);
    }
}
