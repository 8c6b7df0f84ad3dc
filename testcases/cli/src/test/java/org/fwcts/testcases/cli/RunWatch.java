package org.fwcts.testcases.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Watches a run another process or thread is still making: waits on a condition rather than for a
 * time, and reads its results journal as it grows.
 */
final class RunWatch {
    /**
     * How long a wait may take before a self-test gives up: ample for a loaded CI machine booting
     * QEMU in a fresh JVM. Every wait ends as soon as its condition holds, so it costs time only when
     * something is wrong.
     */
    static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final long POLL_MILLIS = 20;

    /** A condition that may read files. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private RunWatch() {
    }

    /**
     * Waits until {@code condition} holds, {@code alive} stops holding (the run ended) or
     * {@link #PATIENCE} has passed; returns whether the condition held.
     */
    static boolean until(Condition condition, Condition alive) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.holds()) {
            if (!alive.holds() || System.nanoTime() > deadline) {
                return condition.holds();
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /**
     * The journal's whole lines so far. A writer may be half way through a line, even through a
     * character: the unfinished line is left out and the bytes are decoded leniently, so a read that
     * races an append sees fewer results, never an error.
     */
    static List<String> journalLines(Path journal) throws IOException {
        if (!Files.isRegularFile(journal)) {
            return List.of();
        }
        byte[] bytes = Files.readAllBytes(journal);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).lines().toList();
    }

    /** What a running process has printed to {@code file} so far, a character it is half way through replaced. */
    static String printed(Path file) throws IOException {
        return Files.isRegularFile(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
    }

    /** Whether the journal holds a whole line of a failed test. */
    static boolean failureRecorded(Path journal) throws IOException {
        return journalLines(journal).stream().anyMatch(line -> line.contains("\"status\":\"FAILED\""));
    }
}
