package org.fwcts.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fwcts.targets.text.JsonText;

/**
 * The run's {@code results.jsonl}, kept open for the whole run: one JSON line per result, on
 * disk before {@link #append} returns, or, with {@link Durability#FORCE_BEHIND}, before the next
 * line is written (so before the next test's verdict is reported) and before {@link #close}
 * returns. A line is written whole or not at all: when a write fails (a full disk) the file is
 * cut back to its last complete line, so a later run can resume it.
 */
public final class ResultJournal implements AutoCloseable {
    /** How each appended line is made durable; {@code JournalBenchmark} measures them. */
    public enum Durability {
        /** The file opened with O_SYNC: data and metadata written through on every write. */
        SYNC,
        /** The file opened with O_DSYNC: data (and the size needed to read it) written through. */
        DSYNC,
        /** Plain writes, then {@code fdatasync} once per line. */
        FORCE,
        /**
         * Plain writes; each line's {@code fdatasync} runs on a thread of its own while the next
         * test runs, and is waited for before the next line is written and at close: the flush
         * leaves the run's critical path, and a line is still on disk before the next result is.
         */
        FORCE_BEHIND
    }

    /** The choice that keeps the disk's flush off the run's critical path (see README, "Measuring"). */
    public static final Durability DEFAULT = Durability.FORCE_BEHIND;
    private static final byte NEWLINE = '\n';

    private final Path file;
    private final FileChannel channel;
    private final Durability durability;
    private long size;
    /** The length known to be on disk: {@link #size} once the pending flush is done. */
    private long durableSize;
    private final ExecutorService flusher;
    private Future<?> pendingFlush;

    private ResultJournal(Path file, FileChannel channel, Durability durability, long size) {
        this.file = file;
        this.channel = channel;
        this.durability = durability;
        this.size = size;
        this.durableSize = size;
        this.flusher = durability == Durability.FORCE_BEHIND ? Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "results-journal-flush");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /**
     * Opens {@code file} for appending, creating it if needed. A last line a crash or a full disk
     * left without its newline is cut off first: the test it belonged to has no result.
     */
    public static ResultJournal open(Path file, Durability durability) {
        List<OpenOption> options = new ArrayList<>(List.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ));
        if (durability == Durability.SYNC) {
            options.add(StandardOpenOption.SYNC);
        } else if (durability == Durability.DSYNC) {
            options.add(StandardOpenOption.DSYNC);
        }
        try {
            FileChannel channel = FileChannel.open(file, options.toArray(OpenOption[]::new));
            try {
                long complete = completeLength(channel);
                if (complete < channel.size()) {
                    channel.truncate(complete);
                    channel.force(false);
                }
                return new ResultJournal(file, channel, durability, complete);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + reason(e), e);
        }
    }

    /**
     * Appends {@code record} as one line, durable when this returns (with
     * {@link Durability#FORCE_BEHIND}: the line before it is, and this one is being flushed).
     *
     * @throws UncheckedIOException naming the file and the cause (e.g. no space left); the file then
     *     ends with its previous line (with {@link Durability#FORCE_BEHIND}, when the previous line's
     *     flush failed, with the line before that)
     */
    public synchronized void append(TestRecord record) {
        awaitFlush();
        byte[] line = line(record);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            long at = size;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            if (durability == Durability.FORCE) {
                channel.force(false);
            }
            size = at;
        } catch (IOException e) {
            cutBack();
            throw new UncheckedIOException("cannot append to " + file + ": " + reason(e), e);
        }
        if (flusher != null) {
            pendingFlush = flusher.submit(() -> {
                channel.force(false);
                return null;
            });
        } else {
            durableSize = size;
        }
    }

    /** Waits for the last line's flush; if it failed, cuts the file back to what is on disk and says why. */
    private void awaitFlush() {
        if (pendingFlush == null) {
            return;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    pendingFlush.get();
                    durableSize = size;
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the flush is short: finish it, then let the caller see the interrupt
                } catch (ExecutionException e) {
                    size = durableSize;
                    cutBack();
                    Throwable cause = e.getCause();
                    String why = cause instanceof IOException io ? reason(io) : String.valueOf(cause);
                    throw new UncheckedIOException("cannot write " + file + " to disk: " + why,
                            cause instanceof IOException io ? io : new IOException(cause));
                }
            }
        } finally {
            pendingFlush = null;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Removes whatever part of a failed line reached the file; freeing space cannot fail for lack of it. */
    private void cutBack() {
        try {
            channel.truncate(size);
            channel.force(false);
        } catch (IOException e) {
            // The reader drops a line without its newline, so a torn tail left here is harmless.
        }
    }

    /**
     * Closes the file once its last line is on disk.
     *
     * @throws UncheckedIOException when the last line's flush or the close fails
     */
    @Override
    public synchronized void close() {
        try {
            awaitFlush();
        } finally {
            if (flusher != null) {
                flusher.shutdown();
            }
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + file, e);
            }
        }
    }

    /** The length of the file up to and including its last newline. */
    private static long completeLength(FileChannel channel) throws IOException {
        long end = channel.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long at = end - 1; at >= 0; at--) {
            one.clear();
            channel.read(one, at);
            if (one.get(0) == NEWLINE) {
                return at + 1;
            }
        }
        return 0;
    }

    /** The operating system's reason, e.g. "No space left on device". */
    static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * {@code record} as one JSON line, its fields in the record's order and a null message written
     * as null, as an object mapper writes it; made by hand so a run loads no mapper for its results.
     */
    static byte[] line(TestRecord record) {
        StringBuilder out = new StringBuilder(256).append("{\"id\":");
        string(out, record.id());
        out.append(",\"name\":");
        string(out, record.name());
        out.append(",\"tags\":[");
        for (int i = 0; i < record.tags().size(); i++) {
            string(i == 0 ? out : out.append(','), record.tags().get(i));
        }
        out.append("],\"status\":");
        string(out, record.status() == null ? null : record.status().name());
        out.append(",\"durationMillis\":").append(record.durationMillis()).append(",\"message\":");
        string(out, record.message());
        return out.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
        } else {
            JsonText.quote(out, value);
        }
    }
}
