package org.fwcts.harness.pipeline;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's append-only call history ({@code calls.jsonl}): a line per boot, a line per call written
 * before the call is judged, and a line per verdict after. A run stopped at any point leaves every
 * call it made on disk, and {@link #read} gives it back for judging again.
 */
public final class CallHistory implements AutoCloseable {
    private final Path file;
    /** Bytes, not characters: a line's text becomes UTF-8 in one step, with no character copy between. */
    private final BufferedOutputStream out;
    private final long lastSequence;
    private final int lastBoot;
    private boolean flushEachLine = true;

    private CallHistory(Path file, BufferedOutputStream out, long lastSequence, int lastBoot) {
        this.file = file;
        this.out = out;
        this.lastSequence = lastSequence;
        this.lastBoot = lastBoot;
    }

    /**
     * Appends to {@code file}. A resumed run continues the history of the run it resumes: a line
     * the interrupted run left half-written is cut off (it never was a record), and numbering
     * continues after the last call and boot.
     *
     * @throws IllegalArgumentException naming the line when the existing history is damaged
     */
    public static CallHistory appendingTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            long lastSequence = 0;
            int lastBoot = 0;
            if (Files.isRegularFile(file)) {
                cutPartialLine(file);
                for (HistoryLine line : read(file)) {
                    if (line instanceof HistoryLine.Call call) {
                        lastSequence = Math.max(lastSequence, call.entry().sequence());
                    } else if (line instanceof HistoryLine.Boot boot) {
                        lastBoot = Math.max(lastBoot, boot.boot());
                    }
                }
            }
            return new CallHistory(file, new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), 1 << 16), lastSequence, lastBoot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void cutPartialLine(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(end);
            }
        }
    }

    /** The number of the last call already in the history (0 for a new one). */
    public long lastSequence() {
        return lastSequence;
    }

    /** The number of the last boot already in the history (0 for a new one). */
    public int lastBoot() {
        return lastBoot;
    }

    public Path file() {
        return file;
    }

    synchronized void boot(int boot, String reason) {
        write(HistoryCodec.boot(boot, reason));
        flush();
    }

    synchronized void call(CallEntry entry) {
        write(HistoryCodec.call(entry));
    }

    synchronized void verdict(Judgement judgement) {
        write(HistoryCodec.verdict(judgement));
        if (judgement.verdict() != org.fwcts.harness.compare.Verdict.PASS) {
            flush();
        }
    }

    /**
     * From now on the lines of calls that pass wait in memory until {@link #flush}, a boot line, a
     * judgement other than PASS or {@link #close}: a run of thousands of calls a second makes no
     * system call per line, and a divergence is on disk as soon as it is judged. A harness killed
     * meanwhile loses only passing calls made since the last flush.
     */
    public synchronized void deferFlushes() {
        flushEachLine = false;
    }

    /** Puts every line written so far on disk (to the operating system). */
    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    private void write(String line) {
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            // Flushed line by line unless deferred: a killed harness leaves every call it made in the file.
            if (flushEachLine) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    /**
     * Reads a history back.
     *
     * @throws IllegalArgumentException naming the file and line of the first damaged or truncated line
     */
    public static List<HistoryLine> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the call history: " + e.getMessage(), e);
        }
        List<HistoryLine> lines = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            int number = i + 1;
            boolean last = i == raw.length - 1;
            if (last && raw[i].isEmpty()) {
                break;
            }
            if (last) {
                throw new IllegalArgumentException(file + ":" + number + ": the line is truncated (no line end)");
            }
            try {
                lines.add(HistoryCodec.parse(number, raw[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + number + ": " + e.getMessage(), e);
            }
        }
        return lines;
    }
}
