package org.fwcts.targets;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * {@code args} run under {@code setpriv --pdeathsig KILL} (util-linux) when it is installed,
     * so the kernel kills the process when the harness dies without running its shutdown hooks
     * (SIGKILL, OOM killer). setpriv execs the command in place: the pid stays the command's.
     */
    public static List<String> diesWithHarness(List<String> args) {
        return Executables.find("setpriv").map(setpriv -> {
            List<String> wrapped = new ArrayList<>(List.of(setpriv.toString(), "--pdeathsig", "KILL", "--"));
            wrapped.addAll(args);
            return List.copyOf(wrapped);
        }).orElse(args);
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
