package org.fwcts.harness.console;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    private static final int KEPT_ENTRIES = 200_000;
    private final List<Entry> entries = new ArrayList<>();
    private BufferedWriter log;
    private final Clock clock;
    private long dropped;
    private String writeFailure;

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

    public synchronized void record(String console, Direction direction, byte[] bytes, int length) {
        Entry entry = new Entry(clock.instant(), console, direction, escape(bytes, length));
        if (entries.size() == KEPT_ENTRIES) {
            entries.remove(0);
            dropped++;
        }
        entries.add(entry);
        if (log != null) {
            try {
                log.write(entry.toString());
                log.newLine();
                log.flush();
            } catch (IOException e) {
                // The console's reader must go on (the test in progress needs its reply): stop the file, keep memory.
                writeFailure = "cannot append to the console log: " + e.getMessage();
                closeQuietly();
            }
        }
    }

    /** Why the console log stopped being written (a full disk), if it did; lines are still kept in memory. */
    public synchronized java.util.Optional<String> writeFailure() {
        return java.util.Optional.ofNullable(writeFailure);
    }

    private void closeQuietly() {
        try {
            log.close();
        } catch (IOException e) {
            // Already failing; the first error is the one reported.
        }
        log = null;
    }

    /** A position to take an excerpt from later. */
    public synchronized long mark() {
        return dropped + entries.size();
    }

    /** Every entry recorded since {@code mark}, as log text. */
    public synchronized String since(long mark) {
        StringBuilder text = new StringBuilder();
        for (int i = (int) Math.max(0, mark - dropped); i < entries.size(); i++) {
            text.append(entries.get(i)).append('\n');
        }
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
                log.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the console log", e);
            }
        }
    }

    static String escape(byte[] bytes, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\') {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02x", b));
            }
        }
        return text.toString();
    }
}
