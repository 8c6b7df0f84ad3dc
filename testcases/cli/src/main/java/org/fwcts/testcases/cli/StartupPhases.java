package org.fwcts.testcases.cli;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the time from the process's start to the first test goes: named marks taken on the way
 * (JVM started, command line parsed, tests discovered, target prepared, booted), each with the
 * wall time since the process started and the CPU time it had used by then. Only {@code fwcts
 * bench-suite} turns them on: reading the clocks loads the JVM's management classes, which a run
 * otherwise does without.
 */
final class StartupPhases {
    /** One mark: wall milliseconds since the process started, and its CPU milliseconds by then (-1: unknown). */
    record Mark(String name, long wallMillis, long cpuMillis) {
    }

    private static final List<Mark> MARKS = new ArrayList<>();
    private static Instant processStart;
    /** Linux's USER_HZ, the unit of /proc's times on every architecture it runs on. */
    private static final int TICKS_PER_SECOND = 100;

    private StartupPhases() {
    }

    /** Starts recording marks; the first is the JVM's own start. */
    static synchronized void turnOn() {
        processStart = processStart();
        MARKS.clear();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        MARKS.add(new Mark("JVM started", jvmStart - processStart.toEpochMilli(), -1));
    }

    /** Records that the run has reached {@code name}, when marks are on. */
    static synchronized void mark(String name) {
        if (processStart != null) {
            MARKS.add(new Mark(name, System.currentTimeMillis() - processStart.toEpochMilli(), processCpuMillis()));
        }
    }

    static synchronized List<Mark> marks() {
        return List.copyOf(MARKS);
    }

    /**
     * When the process started: before the JVM, the launcher script ran in the same process. On
     * Linux, from the process's start and the system's uptime, both in clock ticks (10 ms) since the
     * system booted (ProcessHandle's figure goes through the boot time in whole seconds); elsewhere,
     * the JVM's start.
     */
    static Instant processStart() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            long now = System.currentTimeMillis();
            double uptime = Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime"))
                    .split(" ")[0]);
            // Field 22, the start time in ticks, counted after the command name's closing parenthesis (field 2).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double startedAt = Long.parseLong(fields[22 - 3]) / (double) TICKS_PER_SECOND;
            return Instant.ofEpochMilli(now - Math.round((uptime - startedAt) * 1000));
        } catch (java.io.IOException | RuntimeException e) {
            return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        }
    }

    /** CPU time of the whole process (every thread, the JVM's own included), or -1 where the JVM does not say. */
    static long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1_000_000;
        }
        return -1;
    }
}
