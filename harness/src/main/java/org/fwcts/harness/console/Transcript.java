package org.fwcts.harness.console;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * The timestamped record of every line read from and written to a run's consoles, kept in
 * memory (for per-test excerpts) and appended to the run's console log as it happens.
 */
public final class Transcript implements AutoCloseable {
    /** Which way a line went. */
    public enum Direction { RX, TX }

    /** One line, with non-printable bytes escaped as {@code \xNN}. */
    public record Entry(Instant at, String console, Direction direction, String text) {
        @Override
        public String toString() {
            return at + " " + console + " " + direction + " " + text;
        }

        /** The same text as {@link #toString}, its time stamp's date and second taken from {@code stamps}. */
        String toString(Stamps stamps) {
            return stamps.of(at) + " " + console + " " + direction + " " + text;
        }
    }

    /**
     * Instants as {@link Instant#toString} writes them, the date and time of day made once per
     * second: a console line's time stamp costs a few appends, not a calendar computation.
     */
    static final class Stamps {
        private long second = Long.MIN_VALUE;
        private String prefix;

        String of(Instant at) {
            int nano = at.getNano();
            if (at.getEpochSecond() != second) {
                String whole = at.minusNanos(nano).toString();
                // Years of more than four digits have a sign and a longer prefix: leave them to Instant.
                if (whole.length() != "0000-00-00T00:00:00Z".length()) {
                    return at.toString();
                }
                second = at.getEpochSecond();
                prefix = whole.substring(0, whole.length() - 1);
            }
            StringBuilder text = new StringBuilder(prefix.length() + 11).append(prefix);
            if (nano != 0) {
                // As ISO_INSTANT: milliseconds, microseconds or nanoseconds, whichever shows the whole fraction.
                int digits = nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
                int value = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1000 : nano;
                String fraction = Integer.toString(value);
                text.append('.');
                for (int i = fraction.length(); i < digits; i++) {
                    text.append('0');
                }
                text.append(fraction);
            }
            return text.append('Z').toString();
        }
    }

    /** Entries kept in memory for excerpts, at most; the oldest go first. */
    private static final int KEPT_ENTRIES = 200_000;
    /** Characters of entry text kept in memory, at most (about 16 MB of heap). */
    private static final long KEPT_CHARS = 8L << 20;
    /** Bytes of console.log a run writes, at most; the rest is counted (a flooding target fills no disk). */
    public static final long LOG_LIMIT = 64L << 20;
    /** Characters of one excerpt, at most: the latest lines are kept. */
    private static final int EXCERPT_CHARS = 1 << 20;

    private final java.util.ArrayDeque<Entry> entries = new java.util.ArrayDeque<>();
    private BufferedWriter log;
    private String writeFailure;
    private final Clock clock;
    private long dropped;
    private long keptChars;
    private long logged;
    private long unloggedLines;
    private boolean deferFlushes;
    private final Stamps stamps = new Stamps();

    private Transcript(BufferedWriter log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** A transcript appended to {@code logFile}. */
    public static Transcript toFile(Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            // Appended, not truncated: a resumed run continues the log of the run it resumes.
            return new Transcript(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write console log " + logFile, e);
        }
    }

    /** A transcript kept in memory only. */
    public static Transcript inMemory() {
        return new Transcript(null, Clock.systemUTC());
    }

    /**
     * Records a line. It reaches the log file when {@link #flush()} is called (the console reader
     * does after every read) or the buffer fills; a harness note or a sent line is flushed at once.
     */
    public synchronized void record(String console, Direction direction, byte[] bytes, int length) {
        Entry entry = new Entry(clock.instant(), console, direction, escape(bytes, length));
        entries.addLast(entry);
        keptChars += entry.text().length();
        while (entries.size() > KEPT_ENTRIES || (keptChars > KEPT_CHARS && entries.size() > 1)) {
            keptChars -= entries.removeFirst().text().length();
            dropped++;
        }
        write(entry);
    }

    /** Writes what is buffered to the log file, unless flushes are deferred. */
    public synchronized void flush() {
        if (!deferFlushes) {
            flushDeferred();
        }
    }

    /**
     * From now on lines wait in memory (and the log's buffer) until {@link #flushDeferred}, the
     * buffer fills or {@link #close}: a run of thousands of round trips a second makes no system
     * call per line. A harness killed meanwhile loses the lines since the last flush.
     */
    public synchronized void deferFlushes() {
        deferFlushes = true;
    }

    /** Writes what is buffered to the log file, deferred or not. */
    public synchronized void flushDeferred() {
        if (log != null) {
            try {
                log.flush();
            } catch (IOException e) {
                stopWriting(e);
            }
        }
    }

    /** Why the console log stopped being written (a full disk), if it did; lines are still kept in memory. */
    public synchronized java.util.Optional<String> writeFailure() {
        return java.util.Optional.ofNullable(writeFailure);
    }

    // The console's reader must go on (the test in progress needs its reply): stop the file, keep memory.
    private void stopWriting(IOException e) {
        writeFailure = "cannot append to the console log: " + e.getMessage();
        try {
            log.close();
        } catch (IOException closing) {
            // Already failing; the first error is the one reported.
        }
        log = null;
    }

    /** How many lines were not written to the log file because it reached {@link #LOG_LIMIT}. */
    public synchronized long unloggedLines() {
        return unloggedLines;
    }

    private void write(Entry entry) {
        if (log == null) {
            return;
        }
        if (unloggedLines > 0) {
            // Past the limit every later line is only counted: not even formatted.
            unloggedLines++;
            return;
        }
        String line = entry.toString(stamps);
        if (logged + line.length() > LOG_LIMIT) {
            if (unloggedLines++ == 0) {
                writeLine(clock.instant() + " " + entry.console() + " RX [console.log reached its limit of " + LOG_LIMIT
                        + " bytes for this run: later lines are counted, not written]");
            }
            return;
        }
        writeLine(line);
    }

    private void writeLine(String line) {
        try {
            log.write(line);
            log.newLine();
            logged += line.length() + 1;
        } catch (IOException e) {
            stopWriting(e);
        }
    }

    /** A position to take an excerpt from later. */
    public synchronized long mark() {
        return dropped + entries.size();
    }

    /**
     * Every entry recorded since {@code mark}, as log text; at most about a megabyte of the
     * latest entries, with a first line saying how many earlier ones were left out.
     */
    public synchronized String since(long mark) {
        long first = Math.max(mark, dropped);
        java.util.ArrayDeque<String> lines = new java.util.ArrayDeque<>();
        long chars = 0;
        long skipped = first - mark;
        java.util.Iterator<Entry> newestFirst = entries.descendingIterator();
        for (long index = dropped + entries.size() - 1; index >= first && newestFirst.hasNext(); index--) {
            String line = newestFirst.next().toString();
            if (chars + line.length() > EXCERPT_CHARS) {
                skipped += index - first + 1;
                break;
            }
            lines.addFirst(line);
            chars += line.length() + 1;
        }
        StringBuilder text = new StringBuilder((int) chars + 80);
        if (skipped > 0) {
            text.append("[... ").append(skipped).append(" earlier line(s) not shown]\n");
        }
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** The last {@code count} entries, as log text. */
    public synchronized String tail(int count) {
        return since(mark() - count);
    }

    @Override
    public synchronized void close() {
        if (log != null) {
            try {
                if (unloggedLines > 0) {
                    writeLine(clock.instant() + " [console.log limit of " + LOG_LIMIT + " bytes: " + unloggedLines
                            + " line(s) of this run not written]");
                }
                if (log != null) {
                    log.close();
                }
            } catch (IOException e) {
                // A full disk was reported where it happened; closing must not hide it or stop the run's end.
                writeFailure = writeFailure != null ? writeFailure : "cannot close the console log: " + e.getMessage();
            }
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static String escape(byte[] bytes, int length) {
        int plain = 0;
        while (plain < length && bytes[plain] >= 0x20 && bytes[plain] < 0x7F && bytes[plain] != '\\') {
            plain++;
        }
        if (plain == length) {
            // Nearly every line: printable throughout, so the bytes are the text.
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        StringBuilder text = new StringBuilder(length + 16).append(new String(bytes, 0, plain, StandardCharsets.ISO_8859_1));
        for (int i = plain; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\') {
                text.append((char) b);
            } else {
                text.append('\\').append('x').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return text.toString();
    }
}
