package org.fwcts.testcases.cli;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the time from the process's start to the first test goes: named marks taken on the way
 * (JVM started, command line parsed, tests discovered, target prepared, booted), each with the
 * wall time since the process started and the CPU time it had used by then. Only {@code fwcts
 * bench-suite} turns them on, from the process's first moment (a discovery begun before the
 * command line is parsed marks its end). The clocks are read from /proc ({@link CpuClock}); the JVM's own start,
 * which only its management beans know, is read when the marks are printed, after the run.
 */
final class StartupPhases {
    /** One mark: wall milliseconds since the process started, and its CPU milliseconds by then (-1: unknown). */
    record Mark(String name, long wallMillis, long cpuMillis) {
    }

    private static final List<Mark> MARKS = new ArrayList<>();
    private static Instant processStart;

    private StartupPhases() {
    }

    /** Starts recording marks, unless they are on already. */
    static synchronized void turnOn() {
        if (processStart == null) {
            processStart = processStart();
        }
    }

    /** Records that the run has reached {@code name}, when marks are on. */
    static synchronized void mark(String name) {
        if (processStart != null) {
            MARKS.add(new Mark(name, System.currentTimeMillis() - processStart.toEpochMilli(), CpuClock.processMillis()));
        }
    }

    /** The marks, the JVM's start first (when marks are on). */
    static synchronized List<Mark> marks() {
        List<Mark> marks = new ArrayList<>();
        if (processStart != null) {
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            marks.add(new Mark("JVM started", jvmStart - processStart.toEpochMilli(), -1));
        }
        marks.addAll(MARKS);
        return marks;
    }

    /**
     * When the process started: before the JVM, the launcher script ran in the same process. On
     * Linux, from the process's start and the system's uptime, both in clock ticks (10 ms) since the
     * system booted (ProcessHandle's figure goes through the boot time in whole seconds); elsewhere,
     * the JVM's start.
     */
    static Instant processStart() {
        String[] fields = CpuClock.statFields();
        try {
            long now = System.currentTimeMillis();
            double uptime = Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime"))
                    .split(" ")[0]);
            // Field 22: the process's start, in ticks since the system booted.
            double startedAt = Long.parseLong(fields[22 - 3]) / (double) CpuClock.TICKS_PER_SECOND;
            return Instant.ofEpochMilli(now - Math.round((uptime - startedAt) * 1000));
        } catch (java.io.IOException | RuntimeException e) {
            return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        }
    }
}
