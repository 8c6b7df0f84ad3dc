package org.fwcts.model.rmm;

/**
 * The result of walking a realm's RTTs towards an IPA (DEN0137 1.0, "RTT walk"): the deepest
 * table reached, no deeper than the level asked for, and the entry there.
 *
 * @param level the level of {@code table} (the walk level commands report in the index of ERROR_RTT)
 */
record Walk(int level, RttTable table, int index, RttEntry entry) {

    static Walk of(RmmState state, Realm realm, long ipa, int targetLevel) {
        RttTable table = state.table(realm.rttBase());
        int level = realm.startLevel();
        while (true) {
            int index = table.indexOf(ipa);
            RttEntry entry = table.entry(index);
            if (level == targetLevel || entry.state() != RttEntry.State.TABLE) {
                return new Walk(level, table, index, entry);
            }
            table = state.table(entry.address());
            level++;
        }
    }

    /** The state with this walk's entry replaced. */
    RmmState set(RmmState state, RttEntry changed) {
        return state.withTable(table.pa(), state.table(table.pa()).with(index, changed));
    }

    long entryIpa() {
        return table.ipaOf(index);
    }
}
