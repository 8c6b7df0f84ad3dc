package org.fwcts.harness.explore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.AreaSelection;

/**
 * Explores a target: generated sequences until the budget of calls or time is spent, several on
 * one boot while none diverges (on QEMU a boot takes longer than a sequence), then on a fresh
 * one; a simulated target runs chunks of them on several boots at once. A divergence of a kind not seen before in the run is shrunk on fresh boots from every step
 * its boot made, attributed and reported; one seen before is counted.
 */
public final class Explorer {
    private static final int CONSOLE_LINES = 25;

    /**
     * What to explore and how long.
     *
     * @param areas the areas and their weights
     * @param seed the seed: the same seed on the same target gives the same sequences
     * @param maxCalls stop after this many checked calls
     * @param maxTime stop after this long (shrinking included)
     * @param length the most actions in one sequence
     * @param shrink whether to shrink divergences
     * @param maxReplays the most candidates one shrink runs
     * @param bootCalls the most steps sequences share a boot for: a sequence that would take the
     *     boot past it starts on a fresh boot (at most {@code length}: a boot per sequence)
     */
    public record Settings(AreaSelection areas, long seed, long maxCalls, Duration maxTime, int length, boolean shrink,
            int maxReplays, int bootCalls) {
    }

    /** Told of progress as the run goes. */
    public interface Listener {
        /** After every sequence. */
        void progress(ExploreStats stats);

        /** When a divergence of a new kind is reported. */
        void divergence(Divergence divergence);

        /** When the partition agents stop answering, so only the normal world explores from then on. */
        void partitionsLost(String why);
    }

    /** What a run found. */
    public record Result(ExploreStats stats, List<Divergence> divergences) {
    }

    private final List<AreaGenerator> generators;
    private final SequenceRunner.Executors executors;

    public Explorer(List<AreaGenerator> generators) {
        this(generators, StepExecutor::new);
    }

    /** Explores with {@code generators}' areas, whose steps {@code executors} issue (the RMM's, say). */
    public Explorer(List<AreaGenerator> generators, SequenceRunner.Executors executors) {
        this.generators = List.copyOf(generators);
        this.executors = executors;
    }

    /** Opens the session of parallel worker {@code worker} (numbered from 1): its own boot, its own files. */
    public interface WorkerSessions {
        ExploreSession open(int worker);
    }

    /** Explores on {@code session} alone: one boot at a time. */
    public Result explore(ExploreSession session, Settings settings, Listener listener) {
        return explore(session, 1, worker -> session, settings, listener);
    }

    /**
     * Explores with {@code workers} sessions at once ({@code sessions} opens them; with one worker
     * {@code session} runs everything), each running whole boot chunks ({@link BootChunk}); the
     * chunks are taken in order, so the sequences, their seeds, the progress, the budget's end and
     * the divergences found are the same whatever the number of workers. Divergences are shrunk on
     * {@code session}.
     */
    public Result explore(ExploreSession session, int workers, WorkerSessions sessions, Settings settings,
            Listener listener) {
        SequenceRunner runner = new SequenceRunner(generators, executors);
        ExploreStats stats = new ExploreStats();
        List<Divergence> divergences = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String lost = null;
        ParallelChunks parallel = workers > 1 ? new ParallelChunks(runner, settings, sessions, workers) : null;
        try {
            chunks:
            for (int chunk = 1; ; chunk++) {
                Iterator<BootChunk.Run> runs;
                if (parallel != null) {
                    runs = parallel.take(chunk, lost).runs().iterator();
                } else {
                    BootChunk inline = new BootChunk(session, runner, settings, chunk);
                    runs = new Iterator<>() {
                        private Optional<BootChunk.Run> next = Optional.empty();

                        @Override
                        public boolean hasNext() {
                            if (next.isEmpty()) {
                                next = inline.next();
                            }
                            return next.isPresent();
                        }

                        @Override
                        public BootChunk.Run next() {
                            hasNext();
                            BootChunk.Run run = next.orElseThrow();
                            next = Optional.empty();
                            return run;
                        }
                    };
                }
                while (true) {
                    if (!withinBudget(stats, settings)) {
                        break chunks;
                    }
                    if (!runs.hasNext()) {
                        break;
                    }
                    BootChunk.Run run = runs.next();
                    SequenceResult result = run.result();
                    if (result.setupFailure().isPresent() && lost == null) {
                        // The partition agent does not answer, or not as the model says: reported with the set-up
                        // call's check; the normal world goes on alone.
                        lost = BootChunk.partitionsLost(run.sequence(), result);
                        session.context().partitionsUnavailable(lost);
                        listener.partitionsLost(lost);
                    }
                    stats.add(result);
                    Optional<StepOutcome> diverged = result.divergence();
                    if (diverged.isPresent()) {
                        String signature = diverged.get().signature();
                        stats.divergence(signature);
                        if (seen.add(signature)) {
                            Divergence divergence = report(session, runner, settings, stats, divergences.size() + 1,
                                    run, result);
                            divergences.add(divergence);
                            listener.divergence(divergence);
                        }
                    }
                    listener.progress(stats);
                }
            }
        } finally {
            if (parallel != null) {
                parallel.close();
                stats.addWorkerCpu(parallel.cpuNanos());
            }
        }
        stats.finish();
        return new Result(stats, divergences);
    }

    private static boolean withinBudget(ExploreStats stats, Settings settings) {
        return stats.calls() < settings.maxCalls() && stats.elapsed().compareTo(settings.maxTime()) < 0;
    }

    private Divergence report(ExploreSession session, SequenceRunner runner, Settings settings, ExploreStats stats,
            int number, BootChunk.Run run, SequenceResult lastSequence) {
        int sequence = run.sequence();
        SequenceResult found = run.onBoot();
        Optional<Shrinker.Shrunk> shrunk = Optional.empty();
        String console = run.console();
        if (settings.shrink()) {
            long cpu = ExploreStats.threadCpu();
            long start = System.nanoTime();
            int[] candidate = {0};
            Shrinker.Replay replay = actions -> session.run(runner, ActionSource.replay(actions),
                    "shrink " + number + " candidate " + (++candidate[0]));
            // A divergence the boot's last sequence reproduces alone on a fresh boot is shrunk from that
            // sequence: one replay that saves the many ddmin would spend on the earlier sequences.
            SequenceResult from = found;
            if (lastSequence.outcomes().size() < found.outcomes().size() && settings.maxReplays() > 0) {
                SequenceResult alone = replay.run(lastSequence.actions());
                String signature = found.divergence().orElseThrow().signature();
                if (alone.divergence().filter(d -> d.signature().equals(signature)).isPresent()) {
                    from = alone;
                }
            }
            Shrinker.Shrunk shrinking = new Shrinker(replay, Math.max(0, settings.maxReplays() - candidate[0]))
                    .shrink(from);
            Shrinker.Shrunk result = new Shrinker.Shrunk(shrinking.result(), candidate[0],
                    Duration.ofNanos(System.nanoTime() - start));
            stats.shrink(result, ExploreStats.threadCpu() - cpu);
            // The console of the minimal sequence, run once more so its tail is that sequence's own.
            long mark = session.consoleMark();
            SequenceResult last = session.run(runner, ActionSource.replay(result.result().actions()),
                    "shrink " + number + ": the minimal sequence");
            console = session.consoleSince(mark, CONSOLE_LINES);
            boolean reproduced = last.divergence().map(d -> d.signature().equals(found.divergence().orElseThrow()
                    .signature())).orElse(false);
            shrunk = Optional.of(new Shrinker.Shrunk(reproduced ? last : result.result(), result.replays() + 1,
                    result.time()));
        }
        SequenceResult reported = shrunk.map(Shrinker.Shrunk::result).orElse(found);
        Attribution attribution = Attribution.of(reported.divergence().orElseThrow(), session.model());
        return new Divergence(number, sequence, found, shrunk, attribution, console);
    }

    /** Each sequence has a seed of its own, so sequence N of seed S is the same whatever came before it. */
    static long sequenceSeed(long seed, int sequence) {
        return new SplittableRandom(seed).split().nextLong() ^ (sequence * 0x9E37_79B9_7F4A_7C15L);
    }
}
