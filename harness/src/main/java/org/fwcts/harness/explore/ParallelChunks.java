package org.fwcts.harness.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Boot chunks run ahead on worker threads, each worker with a session (and boot) of its own, and
 * handed back in chunk order. A chunk that started with the partitions counted on, when an earlier
 * chunk found them lost, is run again without them: what every chunk holds is then what one
 * worker running them in order would have made.
 */
final class ParallelChunks implements AutoCloseable {
    /** Chunks run ahead of the one being taken, per worker: enough to keep the workers busy. */
    private static final int AHEAD_PER_WORKER = 2;

    /** A chunk as a worker ran it, all its sequences made. */
    record Done(List<BootChunk.Run> runs, boolean partitionsAtStart) {
    }

    private final SequenceRunner runner;
    private final Explorer.Settings settings;
    private final Explorer.WorkerSessions sessions;
    private final int workers;
    private final ExecutorService pool;
    private final ThreadLocal<ExploreSession> own = new ThreadLocal<>();
    private final List<ExploreSession> opened = new ArrayList<>();
    private final AtomicInteger workerNumbers = new AtomicInteger();
    private final Map<Integer, Future<Done>> running = new HashMap<>();
    private final LongAdder cpuNanos = new LongAdder();
    private volatile boolean stopping;
    private volatile String partitionsLost;
    private int submitted;

    ParallelChunks(SequenceRunner runner, Explorer.Settings settings, Explorer.WorkerSessions sessions, int workers) {
        this.runner = runner;
        this.settings = settings;
        this.sessions = sessions;
        this.workers = workers;
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "explore-worker");
            thread.setDaemon(true);
            return thread;
        };
        this.pool = java.util.concurrent.Executors.newFixedThreadPool(workers, threads);
    }

    /** Chunk {@code chunk}, all of it, once the partitions are known to be lost when {@code lost} is set. */
    Done take(int chunk, String lost) {
        partitionsLost = lost;
        while (submitted < chunk + workers * AHEAD_PER_WORKER) {
            submit(++submitted);
        }
        Done done = await(running.remove(chunk));
        if (lost != null && done.partitionsAtStart()) {
            // Run ahead before the loss was known: run again as a single worker would have.
            submit(chunk);
            done = await(running.remove(chunk));
        }
        return done;
    }

    private void submit(int chunk) {
        running.put(chunk, pool.submit(() -> run(chunk)));
    }

    private Done run(int chunk) {
        ExploreSession session = session();
        long cpu = ExploreStats.threadCpu();
        try {
            String lost = partitionsLost;
            if (lost != null && session.context().partitionsUnavailable().isEmpty()) {
                session.context().partitionsUnavailable(lost);
            }
            BootChunk boot = new BootChunk(session, runner, settings, chunk);
            List<BootChunk.Run> runs = new ArrayList<>();
            while (!stopping) {
                var next = boot.next();
                if (next.isEmpty()) {
                    break;
                }
                runs.add(next.get());
            }
            return new Done(runs, boot.partitionsAtStart());
        } finally {
            cpuNanos.add(Math.max(0, ExploreStats.threadCpu() - cpu));
        }
    }

    private ExploreSession session() {
        ExploreSession session = own.get();
        if (session == null) {
            session = sessions.open(workerNumbers.incrementAndGet());
            own.set(session);
            synchronized (opened) {
                opened.add(session);
            }
        }
        return session;
    }

    private static Done await(Future<Done> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an explore worker", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** CPU time the workers' threads spent running chunks (those run ahead and not taken included). */
    long cpuNanos() {
        return cpuNanos.sum();
    }

    /** Stops the workers after their current sequence and closes their sessions. */
    @Override
    public void close() {
        stopping = true;
        pool.shutdown();
        try {
            while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                // A worker waits on its target's time-outs; each ends.
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        RuntimeException failure = null;
        synchronized (opened) {
            for (ExploreSession session : opened) {
                try {
                    session.close();
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
