package org.fwcts.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * The run's {@code results.jsonl}, kept open for the whole run: one JSON line per result, on
 * disk before {@link #append} returns. A line is written whole or not at all: when a write
 * fails (a full disk) the file is cut back to its last complete line, so a later run can resume
 * it.
 */
public final class ResultJournal implements AutoCloseable {
    /** How each appended line is made durable; {@code JournalBenchmark} measures them. */
    public enum Durability {
        /** The file opened with O_SYNC: data and metadata written through on every write. */
        SYNC,
        /** The file opened with O_DSYNC: data (and the size needed to read it) written through. */
        DSYNC,
        /** Plain writes, then {@code fdatasync} once per line. */
        FORCE
    }

    /** Fastest durable choice on the disks measured (see README, "Measuring"). */
    public static final Durability DEFAULT = Durability.DSYNC;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte NEWLINE = '\n';

    private final Path file;
    private final FileChannel channel;
    private final Durability durability;
    private long size;

    private ResultJournal(Path file, FileChannel channel, Durability durability, long size) {
        this.file = file;
        this.channel = channel;
        this.durability = durability;
        this.size = size;
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
     * Appends {@code record} as one line, durable when this returns.
     *
     * @throws UncheckedIOException naming the file and the cause (e.g. no space left); the file then
     *     ends with its previous line
     */
    public synchronized void append(TestRecord record) {
        byte[] line;
        try {
            line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the result of " + record.id(), e);
        }
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

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
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
}
