package org.fwcts.targets;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Stops every process a target launched when the JVM exits, whatever the exit path (normal
 * end, exception, Ctrl-C or SIGTERM), so no emulator outlives the harness.
 */
public final class ProcessReaper {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final long GRACE_MILLIS = 2000;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::stopAll, "fwcts-process-reaper"));
    }

    private ProcessReaper() {
    }

    public static Process track(Process process) {
        RUNNING.add(process);
        return process;
    }

    /** Stops {@code process} and its children: politely first, then forcibly. */
    public static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(process);
        }
    }

    static void stopAll() {
        for (Process process : Set.copyOf(RUNNING)) {
            stop(process);
        }
    }
}
