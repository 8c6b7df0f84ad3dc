package org.fwcts.targets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Drains an output stream (a process's, or a console nobody else reads) on its own thread,
 * keeping its last lines for diagnostics; an unread stream would stall its writer.
 */
public final class OutputTail {
    private static final int KEPT_LINES = 50;
    private final Deque<String> lines = new ArrayDeque<>();
    private final Consumer<String> listener;

    public OutputTail(InputStream stream, String threadName) {
        this(stream, threadName, line -> { });
    }

    /** Like {@link #OutputTail(InputStream, String)}, also handing every line to {@code listener} as it arrives. */
    public OutputTail(InputStream stream, String threadName, Consumer<String> listener) {
        this.listener = listener;
        Thread reader = new Thread(() -> drain(stream), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void drain(InputStream stream) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (lines) {
                    if (lines.size() == KEPT_LINES) {
                        lines.removeFirst();
                    }
                    lines.addLast(line);
                    lines.notifyAll();
                }
                listener.accept(line);
            }
        } catch (IOException e) {
            // The process has gone; what was read is kept.
        }
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits until a line containing {@code marker} has been seen, or the deadline passes. */
    public String await(String marker, long deadlineNanos) throws InterruptedException {
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (line.contains(marker)) {
                        return line;
                    }
                }
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                lines.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    public String text() {
        return String.join("\n", lines());
    }
}
