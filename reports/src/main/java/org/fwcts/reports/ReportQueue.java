package org.fwcts.reports;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The order in which a run's reporters write their per-test files, and the thread that writes
 * them. Rendering a test's Allure result (its attachments, the JSON) took a fifth of the tests'
 * thread, so the reporters hand their writes here and the next test starts meanwhile. All of them
 * go through one queue, one at a time, in the order they were handed in: a test's Allure files
 * are written before its line in the journal, and a write that fails (a full disk) stops the run
 * before the next write is tried, exactly as when each was written on the spot.
 *
 * <p>{@link #inline()} writes on the caller's thread, for reporters used on their own.
 */
public final class ReportQueue implements AutoCloseable {
    /** Writes waiting at most: a test that hands in more waits for the writer (a slow disk holds the run back). */
    private static final int CAPACITY = 256;

    private final BlockingQueue<Runnable> tasks;
    private final Thread writer;
    private long handedIn;
    private long written;

    private ReportQueue(boolean background) {
        tasks = background ? new ArrayBlockingQueue<>(CAPACITY) : null;
        writer = background ? new Thread(this::writeAll, "fwcts-report-writer") : null;
        if (writer != null) {
            // A run that ends (or exits on a signal) drains the queue first; nothing else waits for this thread.
            writer.setDaemon(true);
            writer.start();
        }
    }

    /** A queue whose writes run on a thread of their own. */
    public static ReportQueue background() {
        return new ReportQueue(true);
    }

    /** A queue that writes at once, on the caller's thread. */
    public static ReportQueue inline() {
        return new ReportQueue(false);
    }

    /** Writes {@code write} after everything handed in before it. */
    public void submit(Runnable write) {
        if (writer == null || Thread.currentThread() == writer) {
            run(write);
            return;
        }
        synchronized (this) {
            handedIn++;
        }
        boolean interrupted = false;
        while (true) {
            try {
                tasks.put(write);
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the write is the run's record: hand it in all the same
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until everything handed in so far is written. */
    public void drain() {
        if (writer == null || Thread.currentThread() == writer) {
            return;
        }
        boolean interrupted = false;
        synchronized (this) {
            long target = handedIn;
            while (written < target) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the writes are short: let them finish, then pass the interrupt on
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drains the queue and ends its thread. */
    @Override
    public void close() {
        drain();
        if (writer != null) {
            writer.interrupt();
        }
    }

    private void writeAll() {
        while (true) {
            Runnable write;
            try {
                write = tasks.take();
            } catch (InterruptedException e) {
                return; // closed, after a drain: nothing is left
            }
            run(write);
            synchronized (this) {
                written++;
                notifyAll();
            }
        }
    }

    private static void run(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            // A reporter's own error (it handles its I/O failures itself): one report lacks a file, the run goes on.
            System.err.println("fwcts: warning: a report file was not written: " + e);
        }
    }
}
