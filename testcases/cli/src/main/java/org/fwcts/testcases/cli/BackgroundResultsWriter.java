package org.fwcts.testcases.cli;

import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.fwcts.reports.RunStop;

/**
 * Hands Allure's results to one writer thread, so a test's thread does not wait for the text
 * clean-up, the JSON serialisation and the file writes. Writes keep their order. What was
 * handed over is written before {@link #drain} returns; the run drains before it prunes and
 * summarises, and a shutdown hook drains (for a bounded time) when a signal or an exit ends the
 * process, so at most the test in flight can lack its Allure files (the journal is the record).
 *
 * <p>The run's stop is checked when a result is handed over, as the test's own thread did before,
 * so a result that was due before the run stopped is still written.
 */
final class BackgroundResultsWriter implements AllureResultsWriter, AutoCloseable {
    /** How long the shutdown hook waits for the queue to empty. */
    private static final Duration EXIT_DRAIN = Duration.ofSeconds(10);
    private final AllureResultsWriter delegate;
    private final RunStop stop;
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final Thread exitDrain;
    private final Object idle = new Object();
    private long handedOver;
    private long written;

    BackgroundResultsWriter(AllureResultsWriter delegate, RunStop stop) {
        this.delegate = delegate;
        this.stop = stop;
        this.worker = new Thread(this::work, "fwcts-allure-writer");
        worker.setDaemon(true);
        worker.start();
        this.exitDrain = new Thread(() -> drain(EXIT_DRAIN), "fwcts-allure-drain");
        Runtime.getRuntime().addShutdownHook(exitDrain);
    }

    @Override
    public void write(TestResult result) {
        handOver(() -> delegate.write(result));
    }

    @Override
    public void write(TestResultContainer container) {
        handOver(() -> delegate.write(container));
    }

    @Override
    public void write(String source, InputStream attachment) {
        if (stop.stopped()) {
            return;
        }
        // The caller may reuse or close its stream once this returns, so its bytes are taken now.
        byte[] bytes;
        try (InputStream in = attachment) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attachment " + source, e);
        }
        handOver(() -> delegate.write(source, new ByteArrayInputStream(bytes)));
    }

    private void handOver(Runnable write) {
        if (stop.stopped()) {
            return;
        }
        synchronized (idle) {
            handedOver++;
        }
        queue.add(write);
    }

    private void work() {
        while (true) {
            Runnable write;
            try {
                write = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                write.run();
            } catch (RuntimeException e) {
                // The writer below reports its own failures by stopping the run; nothing else may end this thread.
                stop.stop("cannot write Allure results: " + e);
            } finally {
                synchronized (idle) {
                    written++;
                    idle.notifyAll();
                }
            }
        }
    }

    /** Waits until everything handed over so far is written, or {@code limit} passed; true when it is written. */
    boolean drain(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (idle) {
            long target = handedOver;
            while (written < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Drains without a time limit (a write of a local file ends) and stops the writer thread. */
    @Override
    public void close() {
        drain(Duration.ofDays(1));
        worker.interrupt();
        try {
            Runtime.getRuntime().removeShutdownHook(exitDrain);
        } catch (IllegalStateException shuttingDown) {
            // The process is exiting; the hook drains as it is meant to.
        }
    }
}
