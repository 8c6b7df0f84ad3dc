package org.fwcts.model;

import java.util.Map;

/**
 * One-entry changes to immutable maps, made in one copy: the model's states change a map of a
 * few entries on every call, and copying into a HashMap first and then into an immutable map
 * costs twice.
 */
public final class ImmutableMaps {
    private ImmutableMaps() {
    }

    /** {@code map} with {@code key} mapped to {@code value}. */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
        Map.Entry<K, V>[] entries = new Map.Entry[map.size() + (map.containsKey(key) ? 0 : 1)];
        int i = 0;
        for (Map.Entry<K, V> entry : map.entrySet()) {
            if (!entry.getKey().equals(key)) {
                entries[i++] = entry;
            }
        }
        entries[i] = Map.entry(key, value);
        return Map.ofEntries(entries);
    }

    /** {@code map} without {@code key}. */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> without(Map<K, V> map, K key) {
        if (!map.containsKey(key)) {
            return map;
        }
        Map.Entry<K, V>[] entries = new Map.Entry[map.size() - 1];
        int i = 0;
        for (Map.Entry<K, V> entry : map.entrySet()) {
            if (!entry.getKey().equals(key)) {
                entries[i++] = entry;
            }
        }
        return Map.ofEntries(entries);
    }
}
