package org.fwcts.harness.realm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of the CBOR (RFC 8949) an RMM's attestation token is made of: definite-length items only, as a
 * token encoder writes them. Integers read as {@link Long} (a negative one as its value), byte strings as
 * {@code byte[]}, text as {@link String}, arrays as lists, maps as insertion-ordered maps, tags as {@link Tagged},
 * simple values as {@link Simple}.
 */
public final class Cbor {
    /** A tagged item (RFC 8949 major type 6). */
    public record Tagged(long tag, Object item) {
    }

    /** A simple value or float (major type 7): its additional information and argument. */
    public record Simple(int info, long value) {
    }

    private final byte[] bytes;
    private int at;

    private Cbor(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The one item {@code bytes} hold; an error naming the offset when they are malformed or hold more. */
    public static Object decode(byte[] bytes) {
        Cbor reader = new Cbor(bytes);
        Object item = reader.item(0);
        if (reader.at != bytes.length) {
            throw new IllegalArgumentException("CBOR: " + (bytes.length - reader.at) + " bytes after the item, from offset "
                    + reader.at);
        }
        return item;
    }

    private Object item(int depth) {
        if (depth > 32) {
            throw malformed("nesting deeper than 32");
        }
        int start = at;
        int initial = next();
        int major = initial >>> 5;
        int info = initial & 0x1F;
        if (info == 31) {
            throw new IllegalArgumentException("CBOR: an indefinite length at offset " + start);
        }
        long argument = argument(info, start);
        switch (major) {
            case 0:
                return argument;
            case 1:
                return -1 - argument;
            case 2:
                return take(argument);
            case 3:
                return new String(take(argument), StandardCharsets.UTF_8);
            case 4: {
                List<Object> items = new ArrayList<>();
                long count = count(argument);
                for (long i = 0; i < count; i++) {
                    items.add(item(depth + 1));
                }
                return items;
            }
            case 5: {
                Map<Object, Object> map = new LinkedHashMap<>();
                long count = count(argument);
                for (long i = 0; i < count; i++) {
                    Object key = item(depth + 1);
                    map.put(key, item(depth + 1));
                }
                return map;
            }
            case 6:
                return new Tagged(argument, item(depth + 1));
            default:
                return new Simple(info, argument);
        }
    }

    private long argument(int info, int start) {
        if (info < 24) {
            return info;
        }
        if (info > 27) {
            throw new IllegalArgumentException("CBOR: reserved additional information " + info + " at offset " + start);
        }
        long value = 0;
        for (int i = 0; i < 1 << (info - 24); i++) {
            value = value << 8 | next();
        }
        return value;
    }

    private long count(long argument) {
        if (Long.compareUnsigned(argument, bytes.length - at) > 0) {
            throw malformed(Long.toUnsignedString(argument) + " items cannot fit in the bytes left");
        }
        return argument;
    }

    private byte[] take(long length) {
        if (Long.compareUnsigned(length, bytes.length - at) > 0) {
            throw malformed("a string of " + Long.toUnsignedString(length) + " bytes runs past the end");
        }
        byte[] taken = java.util.Arrays.copyOfRange(bytes, at, at + (int) length);
        at += (int) length;
        return taken;
    }

    private int next() {
        if (at >= bytes.length) {
            throw malformed("the item runs past the end");
        }
        return bytes[at++] & 0xFF;
    }

    private IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException("CBOR at offset " + at + ": " + why);
    }
}
