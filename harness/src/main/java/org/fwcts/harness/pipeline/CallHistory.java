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
    /** The file's own stream under {@link #out}, closed without a flush once a write has failed. */
    private final java.io.OutputStream fileStream;
    /**
     * The first write that failed (a full disk): the buffer may then be half on disk, and writing it
     * again would put its first half twice, a damaged line that a resumed run could not read past.
     * Nothing more is written after it; the half line is the file's last, which a resumed run cuts.
     */
    private IOException failed;
    private final long lastSequence;
    private final int lastBoot;
    private boolean flushEachLine = true;
    /** Bytes written so far by this history. */
    private long written;
    /** Past this many bytes written, a boot's lines wait in {@link #held} until one of its calls does not pass. */
    private long passingLimit = Long.MAX_VALUE;
    /** The current boot's lines, made only if written; null while lines go straight to the file. */
    private List<java.util.function.Supplier<String>> held;
    private long heldCalls;
    private long leftOutBoots;
    private long leftOutCalls;

    private CallHistory(Path file, java.io.OutputStream fileStream, long lastSequence, int lastBoot) {
        this.file = file;
        this.fileStream = fileStream;
        this.out = new BufferedOutputStream(fileStream, 1 << 16);
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
            return new CallHistory(file, Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                    lastSequence, lastBoot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A history written to {@code stream}, named {@code file} in errors: for tests of a stream that fails. */
    static CallHistory writingTo(Path file, java.io.OutputStream stream) {
        return new CallHistory(file, stream, 0, 0);
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
        leaveOutHeld();
        if (written >= passingLimit) {
            held = new ArrayList<>();
            held.add(() -> HistoryCodec.boot(boot, reason));
            return;
        }
        write(HistoryCodec.boot(boot, reason));
        flush();
    }

    synchronized void call(CallEntry entry) {
        if (held != null) {
            held.add(() -> HistoryCodec.call(entry));
            heldCalls++;
            return;
        }
        write(HistoryCodec.call(entry));
    }

    synchronized void verdict(Judgement judgement) {
        boolean passed = judgement.verdict() == org.fwcts.harness.compare.Verdict.PASS;
        if (held != null) {
            held.add(() -> HistoryCodec.verdict(judgement));
            // A step the model cannot predict is not made, and is counted by the run that left it out.
            if (passed || judgement.verdict() == org.fwcts.harness.compare.Verdict.UNMODELLED) {
                return;
            }
            // The boot is worth keeping after all: it goes to the file whole, and the rest of it straight after.
            List<java.util.function.Supplier<String>> lines = held;
            held = null;
            heldCalls = 0;
            lines.forEach(line -> write(line.get()));
        } else {
            write(HistoryCodec.verdict(judgement));
        }
        if (!passed) {
            flush();
        }
    }

    /**
     * Once {@code bytes} are written, the boots on which every call passes (or was not made, being
     * unmodelled) are counted, not written (nor their lines made): a long explore of a simulated
     * target, which the same seed repeats, fills no disk, and every boot with a call that failed or
     * has no known outcome is still written whole.
     */
    public synchronized void limitPassingBoots(long bytes) {
        passingLimit = bytes;
    }

    /** Boots left out of the file under {@link #limitPassingBoots}, the current one included once closed. */
    public synchronized long leftOutBoots() {
        return leftOutBoots;
    }

    /** Calls left out of the file with those boots. */
    public synchronized long leftOutCalls() {
        return leftOutCalls;
    }

    private void leaveOutHeld() {
        if (held != null) {
            leftOutBoots++;
            leftOutCalls += heldCalls;
            held = null;
            heldCalls = 0;
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
            unlessFailed();
            out.flush();
        } catch (IOException e) {
            throw failedWith(e);
        }
    }

    private void unlessFailed() throws IOException {
        if (failed != null) {
            throw new IOException("an earlier write failed: " + failed.getMessage(), failed);
        }
    }

    private UncheckedIOException failedWith(IOException e) {
        if (failed == null) {
            failed = e;
        }
        return new UncheckedIOException("cannot append to " + file, e);
    }

    private void write(String line) {
        try {
            unlessFailed();
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            out.write(bytes);
            out.write('\n');
            written += bytes.length + 1;
            // Flushed line by line unless deferred: a killed harness leaves every call it made in the file.
            if (flushEachLine) {
                out.flush();
            }
        } catch (IOException e) {
            throw failedWith(e);
        }
    }

    @Override
    public synchronized void close() {
        leaveOutHeld();
        try {
            if (failed != null) {
                fileStream.close();
                return;
            }
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
