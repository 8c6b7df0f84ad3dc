package org.fwcts.targets.qemu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Drains a process output stream on its own thread, keeping its last lines for diagnostics. */
final class OutputTail {
    private static final int KEPT_LINES = 50;
    private final Deque<String> lines = new ArrayDeque<>();

    OutputTail(InputStream stream, String threadName) {
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
            }
        } catch (IOException e) {
            // The process has gone; what was read is kept.
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits until a line containing {@code marker} has been seen, or the deadline passes. */
    String await(String marker, long deadlineNanos) throws InterruptedException {
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

    String text() {
        return String.join("\n", lines());
    }
}
