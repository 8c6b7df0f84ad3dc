package org.fwcts.model;

import java.util.Map;
import java.util.Objects;

/**
 * One-entry changes to immutable maps, made in one copy: the model's states change a map of a
 * few entries on every call, and copying into a HashMap first and then into an immutable map
 * costs twice. Maps of up to {@link SmallMap#MAX} entries are {@link SmallMap}s, whose change
 * copies two short arrays instead of building a hash table.
 */
public final class ImmutableMaps {
    private ImmutableMaps() {
    }

    @SuppressWarnings("rawtypes")
    private static final SmallMap EMPTY = new SmallMap<>(new Object[0], new Object[0]);

    /**
     * An immutable copy of {@code map}, or {@code map} itself when it is one of these: a
     * {@link SmallMap} up to {@link SmallMap#MAX} entries, the JDK's immutable map beyond.
     */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        if (map instanceof SmallMap) {
            return map;
        }
        if (map.size() > SmallMap.MAX) {
            return Map.copyOf(map);
        }
        if (map.isEmpty()) {
            return EMPTY;
        }
        Object[] keys = new Object[map.size()];
        Object[] values = new Object[keys.length];
        int count = 0;
        for (Map.Entry<K, V> entry : map.entrySet()) {
            keys[count] = Objects.requireNonNull(entry.getKey());
            values[count++] = Objects.requireNonNull(entry.getValue());
        }
        return new SmallMap<>(keys, values);
    }

    /** {@code map} with {@code key} mapped to {@code value}. */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
        if (map instanceof SmallMap) {
            SmallMap<K, V> changed = ((SmallMap<K, V>) map).with(key, value);
            if (changed != null) {
                return changed;
            }
        } else if (map.size() < SmallMap.MAX) {
            return ((SmallMap<K, V>) copyOf(map)).with(key, value);
        }
        if (map.isEmpty()) {
            return Map.of(key, value);
        }
        Object[] keys = new Object[map.size() + 1];
        Object[] values = new Object[keys.length];
        int count = 0;
        for (Map.Entry<K, V> entry : map.entrySet()) {
            if (!entry.getKey().equals(key)) {
                keys[count] = entry.getKey();
                values[count++] = entry.getValue();
            }
        }
        keys[count] = key;
        values[count++] = value;
        return (Map<K, V>) of(keys, values, count);
    }

    /**
     * The first {@code count} keys and values as an immutable map: the fixed-size factories for the
     * few entries a model state holds, which skip the entry objects {@link Map#ofEntries} needs.
     */
    private static Map<Object, Object> of(Object[] k, Object[] v, int count) {
        switch (count) {
            case 1:
                return Map.of(k[0], v[0]);
            case 2:
                return Map.of(k[0], v[0], k[1], v[1]);
            case 3:
                return Map.of(k[0], v[0], k[1], v[1], k[2], v[2]);
            case 4:
                return Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3]);
            default:
                @SuppressWarnings("unchecked")
                Map.Entry<Object, Object>[] entries = new Map.Entry[count];
                for (int i = 0; i < count; i++) {
                    entries[i] = Map.entry(k[i], v[i]);
                }
                return Map.ofEntries(entries);
        }
    }

    /** {@code map} without {@code key}. */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> without(Map<K, V> map, K key) {
        if (map instanceof SmallMap) {
            return ((SmallMap<K, V>) map).without(key);
        }
        if (!map.containsKey(key)) {
            return map;
        }
        if (map.size() == 1) {
            return Map.of();
        }
        Object[] keys = new Object[map.size() - 1];
        Object[] values = new Object[keys.length];
        int count = 0;
        for (Map.Entry<K, V> entry : map.entrySet()) {
            if (!entry.getKey().equals(key)) {
                keys[count] = entry.getKey();
                values[count++] = entry.getValue();
            }
        }
        return (Map<K, V>) of(keys, values, count);
    }
}
