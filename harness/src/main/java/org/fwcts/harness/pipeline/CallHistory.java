package org.fwcts.harness.pipeline;

import java.io.BufferedWriter;
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
    private final BufferedWriter out;

    private CallHistory(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** Appends to {@code file} (a resumed run continues its history). */
    public static CallHistory appendingTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new CallHistory(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    synchronized void boot(int boot, String reason) {
        write(HistoryCodec.boot(boot, reason));
    }

    synchronized void call(CallEntry entry) {
        write(HistoryCodec.call(entry));
    }

    synchronized void verdict(Judgement judgement) {
        write(HistoryCodec.verdict(judgement));
    }

    private void write(String line) {
        try {
            out.write(line);
            out.write('\n');
            // Flushed line by line: a killed harness leaves every call it made in the file.
            out.flush();
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
