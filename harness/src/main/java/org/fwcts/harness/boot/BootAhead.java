package org.fwcts.harness.boot;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fwcts.harness.session.TargetSession;
import org.fwcts.targets.TargetException;

/**
 * A first boot started on a thread of its own, so that the target launches and its firmware boots
 * while the caller still prepares the run (discovering the tests takes about as long as a QEMU
 * launch). It touches no state of the strategy: the strategy's first boot takes the session over,
 * or closes it, on the caller's thread.
 */
final class BootAhead {
    /**
     * One thread for every boot started ahead, alive until the JVM exits: a launched emulator runs
     * under {@code setpriv --pdeathsig} (ProcessReaper), and the kernel sends that signal when the
     * launching thread ends, not the process.
     */
    private static final ExecutorService BOOTING_THREAD = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "fwcts-boot-ahead");
        thread.setDaemon(true);
        return thread;
    });

    private final CompletableFuture<TargetSession> session = new CompletableFuture<>();
    private final long startNanos;
    private final long consoleMark;
    private volatile long tookNanos;

    BootAhead(long consoleMark, Callable<TargetSession> boot) {
        this.startNanos = System.nanoTime();
        this.consoleMark = consoleMark;
        BOOTING_THREAD.execute(() -> {
            try {
                TargetSession booted = boot.call();
                tookNanos = System.nanoTime() - startNanos;
                session.complete(booted);
            } catch (Throwable e) {
                session.completeExceptionally(e);
            }
        });
    }

    long consoleMark() {
        return consoleMark;
    }

    /** Launch to agent handshake, as the booting thread measured it (not the time anyone waited for it). */
    Duration took() {
        return Duration.ofNanos(tookNanos);
    }

    /** Waits for the boot; a failure is thrown as the booting thread met it. */
    TargetSession await() throws InterruptedException {
        try {
            return session.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof InterruptedException) {
                throw new TargetException("the boot started ahead was interrupted", cause);
            }
            throw new TargetException("the boot started ahead failed: " + cause, cause);
        }
    }

    /** Stops the target once the boot has ended, whichever way it ended; waits for it. */
    void discard() {
        try {
            await().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.thenAccept(TargetSession::close);
        } catch (RuntimeException e) {
            // The boot failed: its launcher already stopped what it started.
        }
    }
}
