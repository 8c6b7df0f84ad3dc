package org.fwcts.harness.realm;

import java.util.List;
import java.util.Map;

/**
 * A CCA attestation token as an RMM writes it for RSI_ATTEST_TOKEN_CONTINUE, read for its structure (not its
 * signatures): a tagged map holding the platform token (key 44234) and the realm token (44241), each a byte
 * string (tag 399) or a [263, bstr] array (tag 907, 263 the CoAP content format of an EAT CWT); the realm token a
 * COSE_Sign1 (tag 18 optional) whose payload is the map of realm claims. Key numbers: DEN0137 1.0, "Realm token
 * claims"; TF-RMM {@code app/attestation/el0_app/src/attestation_defs_priv.h}.
 *
 * @param tag the collection's tag
 * @param platformToken the platform token's bytes
 * @param realmClaims the realm token's claims by key
 */
public record CcaToken(long tag, byte[] platformToken, Map<Object, Object> realmClaims) {
    public static final long PLATFORM_TOKEN = 44234;
    public static final long REALM_TOKEN = 44241;
    public static final long CHALLENGE = 10;
    public static final long PERSONALIZATION = 44235;
    public static final long HASH_ALGORITHM = 44236;
    public static final long PUBLIC_KEY = 44237;
    public static final long RIM = 44238;
    public static final long REMS = 44239;
    private static final long CWT_CONTENT_FORMAT = 263;
    private static final long COSE_SIGN1 = 18;

    /** Reads {@code bytes}, the whole token; an error saying what is missing or of the wrong type. */
    public static CcaToken parse(byte[] bytes) {
        Cbor.Tagged top = as(Cbor.decode(bytes), Cbor.Tagged.class, "the token");
        Map<?, ?> collection = as(top.item(), Map.class, "the collection under tag " + top.tag());
        byte[] platform = member(collection, PLATFORM_TOKEN, "the platform token");
        List<?> sign1 = coseSign1(Cbor.decode(member(collection, REALM_TOKEN, "the realm token")));
        byte[] payload = as(sign1.get(2), byte[].class, "the realm token's payload");
        @SuppressWarnings("unchecked")
        Map<Object, Object> claims = as(Cbor.decode(payload), Map.class, "the realm claims");
        return new CcaToken(top.tag(), platform, claims);
    }

    /** A byte-string claim; an error naming the key when it is absent or not bytes. */
    public byte[] bytes(long key) {
        return as(claim(key), byte[].class, "claim " + key);
    }

    /** The REMs: an array of byte strings. */
    public List<byte[]> rems() {
        List<?> items = as(claim(REMS), List.class, "claim " + REMS);
        return items.stream().map(item -> as(item, byte[].class, "a REM")).toList();
    }

    public String hashAlgorithm() {
        return as(claim(HASH_ALGORITHM), String.class, "claim " + HASH_ALGORITHM);
    }

    private Object claim(long key) {
        Object value = realmClaims.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the realm claims have no key " + key + "; they have " + realmClaims.keySet());
        }
        return value;
    }

    /** A token in the collection: a byte string, or the [263, bstr] array of the newer format. */
    private static byte[] member(Map<?, ?> collection, long key, String what) {
        Object value = collection.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the token has no " + what.replaceFirst("^the ", "") + " (key " + key + "); it has "
                    + collection.keySet());
        }
        if (value instanceof List<?> pair) {
            if (pair.size() != 2 || !Long.valueOf(CWT_CONTENT_FORMAT).equals(pair.get(0))) {
                throw new IllegalArgumentException(what + " is an array other than [263, bstr]");
            }
            value = pair.get(1);
        }
        return as(value, byte[].class, what);
    }

    private static List<?> coseSign1(Object item) {
        Object body = item instanceof Cbor.Tagged tagged && tagged.tag() == COSE_SIGN1 ? tagged.item() : item;
        List<?> sign1 = as(body, List.class, "the realm token (COSE_Sign1)");
        if (sign1.size() != 4) {
            throw new IllegalArgumentException("the realm token's COSE_Sign1 has " + sign1.size() + " items, not 4");
        }
        return sign1;
    }

    private static <T> T as(Object value, Class<T> type, String what) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(what + " is " + (value == null ? "absent" : value.getClass().getSimpleName())
                    + ", not " + type.getSimpleName());
        }
        return type.cast(value);
    }
}
