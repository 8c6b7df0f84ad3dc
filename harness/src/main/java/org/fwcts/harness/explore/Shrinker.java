package org.fwcts.harness.explore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shrinks a diverging sequence by delta debugging (Zeller's ddmin): it replays subsets and
 * complements of the actions, each on a fresh boot, and keeps any candidate that still diverges
 * with the same signature (the same kind of action breaking the same rule), cut at its
 * divergence. Actions name handles by where they come from, so a candidate without the step
 * that made a handle still runs: its call uses a stale or bogus handle, which the model predicts.
 */
public final class Shrinker {

    /** Runs a candidate on a fresh boot. */
    @FunctionalInterface
    public interface Replay {
        SequenceResult run(List<org.fwcts.model.explore.Action> candidate);
    }

    /**
     * The result of a shrink.
     *
     * @param result the minimal sequence's run, ending at its divergence
     * @param replays how many candidates were run
     * @param time how long the shrink took
     */
    public record Shrunk(SequenceResult result, int replays, Duration time) {
        public int calls() {
            return result.outcomes().size();
        }
    }

    private final Replay replay;
    private final int maxReplays;
    private int replays;

    /** @param maxReplays the most candidates one shrink runs, so a slow target bounds its time */
    public Shrinker(Replay replay, int maxReplays) {
        this.replay = replay;
        this.maxReplays = maxReplays;
    }

    public Shrunk shrink(SequenceResult diverging) {
        long start = System.nanoTime();
        replays = 0;
        String signature = diverging.divergence().orElseThrow().signature();
        SequenceResult best = diverging;
        List<org.fwcts.model.explore.Action> actions = best.actions();
        int granularity = 2;
        while (actions.size() >= 2 && replays < maxReplays) {
            List<List<org.fwcts.model.explore.Action>> chunks = split(actions, granularity);
            Optional<SequenceResult> smaller = Optional.empty();
            for (int i = 0; i < chunks.size() && smaller.isEmpty() && replays < maxReplays; i++) {
                smaller = test(complement(chunks, i), signature);
            }
            if (smaller.isPresent()) {
                granularity = Math.max(granularity - 1, 2);
            } else {
                for (int i = 0; i < chunks.size() && smaller.isEmpty() && granularity > 2 && replays < maxReplays; i++) {
                    smaller = test(chunks.get(i), signature);
                }
                if (smaller.isPresent()) {
                    granularity = 2;
                }
            }
            if (smaller.isPresent()) {
                best = smaller.get();
                actions = best.actions();
                continue;
            }
            if (granularity >= actions.size()) {
                break;
            }
            granularity = Math.min(granularity * 2, actions.size());
        }
        return new Shrunk(best, replays, Duration.ofNanos(System.nanoTime() - start));
    }

    private Optional<SequenceResult> test(List<org.fwcts.model.explore.Action> candidate, String signature) {
        replays++;
        SequenceResult result = replay.run(candidate);
        return result.divergence().filter(d -> d.signature().equals(signature)).map(d -> result);
    }

    private static <T> List<List<T>> split(List<T> list, int parts) {
        List<List<T>> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < parts; i++) {
            int end = start + (list.size() - start) / (parts - i);
            chunks.add(list.subList(start, end));
            start = end;
        }
        return chunks;
    }

    private static <T> List<T> complement(List<List<T>> chunks, int without) {
        List<T> rest = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            if (i != without) {
                rest.addAll(chunks.get(i));
            }
        }
        return rest;
    }
}
