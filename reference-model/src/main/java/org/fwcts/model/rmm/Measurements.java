package org.fwcts.model.rmm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * A realm's extensible measurements (REMs): RSI_MEASUREMENT_EXTEND replaces REM i by H(REM i || the extension's
 * bytes), H the realm's hash algorithm; RSI_MEASUREMENT_READ returns a measurement as little-endian words (DEN0137
 * 1.0, "Realm measurements"; TF-RMM {@code runtime/rsi/realm_attest.c} and the attestation app's {@code app_do_extend}).
 */
final class Measurements {
    /** REMs 1 to 4; index 0 is the RIM, which the host's commands build. */
    static final int REMS = 4;
    /** RSI_MEASUREMENT_EXTEND takes at most 64 bytes, x3..x10 ({@code MAX_EXTENDED_SIZE}). */
    static final int MAX_EXTENSION = 64;

    private Measurements() {
    }

    static List<String> zero(int algorithm) {
        return Collections.nCopies(REMS, HexFormat.of().formatHex(new byte[length(algorithm)]));
    }

    static int length(int algorithm) {
        return algorithm == 1 ? 64 : 32;
    }

    /** H(current || the first {@code size} bytes of {@code words} in little-endian order). */
    static String extend(int algorithm, String current, long[] words, int size) {
        ByteBuffer data = ByteBuffer.allocate(MAX_EXTENSION).order(ByteOrder.LITTLE_ENDIAN);
        for (long word : words) {
            data.putLong(word);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm == 1 ? "SHA-512" : "SHA-256");
            digest.update(HexFormat.of().parseHex(current));
            digest.update(data.array(), 0, size);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java platform lacks " + e.getMessage(), e);
        }
    }

    /** The measurement as the little-endian words RSI_MEASUREMENT_READ puts in x1.., zero-padded to eight. */
    static long[] words(String measurement) {
        ByteBuffer bytes = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(HexFormat.of().parseHex(measurement));
        long[] words = new long[8];
        for (int i = 0; i < words.length; i++) {
            words[i] = bytes.getLong(8 * i);
        }
        return words;
    }
}
