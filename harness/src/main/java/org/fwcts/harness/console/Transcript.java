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

    /** Writes what is buffered to the log file. */
    public synchronized void flush() {
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
        String line = entry.toString();
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
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
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
