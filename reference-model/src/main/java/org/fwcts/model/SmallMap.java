package org.fwcts.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable map of a few entries kept in two arrays, in insertion order: a model state's maps
 * (endpoints, transactions, VMs) hold a handful of entries and change one entry on every call, and
 * a linear scan and an array copy cost less than hashing into a new table. Equal to any map with
 * the same entries; nulls are refused as in {@link Map#of}.
 */
final class SmallMap<K, V> extends AbstractMap<K, V> {
    /** Beyond this many entries a hash table pays; {@link ImmutableMaps} then uses the JDK's maps. */
    static final int MAX = 8;

    private final Object[] keys;
    private final Object[] values;

    /** Takes the arrays as they are: the caller hands them over and never changes them. */
    SmallMap(Object[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    private int indexOf(Object key) {
        Objects.requireNonNull(key);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** This map with {@code key} mapped to {@code value}, or null when that needs more than {@link #MAX} entries. */
    SmallMap<K, V> with(K key, V value) {
        Objects.requireNonNull(value);
        int index = indexOf(key);
        if (index >= 0) {
            Object[] changed = values.clone();
            changed[index] = value;
            return new SmallMap<>(keys, changed);
        }
        if (keys.length == MAX) {
            return null;
        }
        Object[] moreKeys = java.util.Arrays.copyOf(keys, keys.length + 1);
        Object[] moreValues = java.util.Arrays.copyOf(values, values.length + 1);
        moreKeys[keys.length] = key;
        moreValues[keys.length] = value;
        return new SmallMap<>(moreKeys, moreValues);
    }

    /** This map without {@code key}. */
    SmallMap<K, V> without(Object key) {
        int index = indexOf(key);
        if (index < 0) {
            return this;
        }
        Object[] fewerKeys = new Object[keys.length - 1];
        Object[] fewerValues = new Object[keys.length - 1];
        System.arraycopy(keys, 0, fewerKeys, 0, index);
        System.arraycopy(keys, index + 1, fewerKeys, index, fewerKeys.length - index);
        System.arraycopy(values, 0, fewerValues, 0, index);
        System.arraycopy(values, index + 1, fewerValues, index, fewerValues.length - index);
        return new SmallMap<>(fewerKeys, fewerValues);
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : (V) values[index];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getOrDefault(Object key, V defaultValue) {
        int index = indexOf(key);
        return index < 0 ? defaultValue : (V) values[index];
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<K, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<K, V> entry = Map.entry((K) keys[next], (V) values[next]);
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
