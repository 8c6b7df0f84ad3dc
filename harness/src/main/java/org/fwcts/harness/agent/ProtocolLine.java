package org.fwcts.harness.agent;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * One line of the agent protocol (firmware-images/agent/PROTOCOL.md): a kind character
 * ({@code >} request, {@code <} reply, {@code !} event), a head (sequence number or event kind),
 * fields, and a CRC-32 over everything before {@code " #"}.
 *
 * @param kind the first character
 * @param head the sequence number in hex, or the event's kind
 * @param fields the fields after the head
 */
public record ProtocolLine(char kind, String head, List<String> fields) {
    public static final char REQUEST = '>';
    public static final char REPLY = '<';
    public static final char EVENT = '!';
    private static final String CRC_SEPARATOR = " #";
    private static final int CRC_DIGITS = 8;

    public ProtocolLine {
        fields = List.copyOf(fields);
    }

    public static ProtocolLine request(long sequence, String verb, List<String> args) {
        String[] all = new String[args.size() + 1];
        all[0] = verb;
        for (int i = 0; i < args.size(); i++) {
            all[i + 1] = args.get(i);
        }
        return new ProtocolLine(REQUEST, Long.toHexString(sequence), Arrays.asList(all));
    }

    /** The line as sent, with its checksum. */
    public String encode() {
        int length = head.length() + 12;
        for (String field : fields) {
            length += field.length() + 1;
        }
        StringBuilder line = new StringBuilder(length).append(kind).append(head);
        for (String field : fields) {
            line.append(' ').append(field);
        }
        long crc = crc(line);
        line.append(CRC_SEPARATOR);
        for (int shift = 28; shift >= 0; shift -= 4) {
            line.append(Character.forDigit((int) (crc >>> shift) & 0xF, 16));
        }
        return line.toString();
    }

    /**
     * Parses a received line; empty when it is not a protocol line or its checksum does not
     * match (corrupted, truncated, or console noise).
     */
    public static Optional<ProtocolLine> decode(String line) {
        if (!hasTrailer(line)) {
            // Every frame ends its line with the checksum: console noise is turned away in one look.
            return Optional.empty();
        }
        Optional<ProtocolLine> whole = decodeFrame(line);
        if (whole.isPresent()) {
            return whole;
        }
        // Bytes left on the line by an interrupted transfer (a console that dropped mid-line, firmware
        // output without a newline) may precede a frame: try each later start character. The
        // checksum still has to match, so nothing damaged gets through.
        for (int start = 1; start < line.length(); start++) {
            char c = line.charAt(start);
            if (c == REQUEST || c == REPLY || c == EVENT) {
                Optional<ProtocolLine> frame = decodeFrame(line.substring(start));
                if (frame.isPresent()) {
                    return frame;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasTrailer(String line) {
        int separator = line.length() - CRC_SEPARATOR.length() - CRC_DIGITS;
        if (separator < 1 || !line.startsWith(CRC_SEPARATOR, separator)) {
            return false;
        }
        for (int i = separator + CRC_SEPARATOR.length(); i < line.length(); i++) {
            char c = line.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static Optional<ProtocolLine> decodeFrame(String line) {
        int separator = line.lastIndexOf(CRC_SEPARATOR);
        if (line.isEmpty() || separator < 1 || line.length() != separator + CRC_SEPARATOR.length() + CRC_DIGITS) {
            return Optional.empty();
        }
        char kind = line.charAt(0);
        if (kind != REQUEST && kind != REPLY && kind != EVENT) {
            return Optional.empty();
        }
        int digits = separator + CRC_SEPARATOR.length();
        if (!lowerHex(line, digits, line.length())
                || Long.parseLong(line, digits, line.length(), 16) != crc(line.subSequence(0, separator))) {
            return Optional.empty();
        }
        String[] words = line.substring(1, separator).split(" ", -1);
        if (kind != EVENT && (words[0].isEmpty() || words[0].length() > 8 || !lowerHex(words[0], 0, words[0].length()))) {
            return Optional.empty();
        }
        return Optional.of(new ProtocolLine(kind, words[0], Arrays.asList(words).subList(1, words.length)));
    }

    /** Whether {@code text} from {@code start} to {@code end} is lower-case hexadecimal digits only. */
    private static boolean lowerHex(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The sequence number of a request or reply. */
    public long sequence() {
        return Long.parseUnsignedLong(head, 16);
    }

    /** CRC-32 (IEEE 802.3), the checksum of both lines and the agent's {@code hash} command. */
    public static long crc(CharSequence text) {
        // Lines are ISO 8859-1: each character is its byte, so no encoded copy is made.
        int length = text.length();
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
