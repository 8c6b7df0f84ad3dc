package org.fwcts.testcases.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time as Linux's /proc gives it: the whole process's, in clock ticks, and the calling
 * thread's, in nanoseconds. The JVM's management beans give the same, but loading them costs a
 * start-up that bench-suite measures about two hundredths of a second of its own. -1 where /proc
 * does not say (another system).
 */
final class CpuClock {
    /** Linux's USER_HZ, the unit of /proc's times on every architecture it runs on. */
    static final int TICKS_PER_SECOND = 100;

    private CpuClock() {
    }

    /** CPU milliseconds of the whole process (every thread, the JVM's own included), in steps of 10 ms. */
    static long processMillis() {
        String[] fields = statFields();
        if (fields == null) {
            return -1;
        }
        // Fields 14 and 15 (user and system time), counted after the command name's closing parenthesis (field 2).
        long ticks = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** CPU nanoseconds of the calling thread, as the scheduler counts them. */
    static long threadNanos() {
        try {
            String schedstat = Files.readString(Path.of("/proc/thread-self/schedstat"));
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The fields of /proc/self/stat after the command name (the first of them is field 3); null when unreadable. */
    static String[] statFields() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
