package org.fwcts.harness.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A fixed run of consecutive sequences ({@code first} to {@code first + count - 1}) that one
 * session runs in order, the first on a fresh boot and each next on the same boot while none
 * diverged and the boot stays within its step budget. What a chunk runs depends only on the seed,
 * the chunk and whether the partitions answer at its start, never on what ran elsewhere: chunks
 * can run on independent boots at once and still give what one boot after another gives.
 */
final class BootChunk {
    private static final int CONSOLE_LINES = 25;

    /**
     * One sequence as its chunk ran it.
     *
     * @param sequence the sequence's number in the run
     * @param result the sequence
     * @param onBoot every step its boot made up to its end (what a divergence is shrunk from)
     * @param console the console's last lines when it diverged (empty otherwise)
     */
    record Run(int sequence, SequenceResult result, SequenceResult onBoot, String console) {
    }

    private final ExploreSession session;
    private final SequenceRunner runner;
    private final Explorer.Settings settings;
    private final int first;
    private final int count;
    private final boolean partitionsAtStart;
    private final List<StepOutcome> boot = new ArrayList<>();
    private int next;

    BootChunk(ExploreSession session, SequenceRunner runner, Explorer.Settings settings, int chunk) {
        this.session = session;
        this.runner = runner;
        this.settings = settings;
        this.count = perChunk(settings);
        this.first = (chunk - 1) * count + 1;
        this.partitionsAtStart = session.context().partitionsUnavailable().isEmpty();
    }

    /** Sequences a chunk holds: as many of the longest as one boot's step budget allows. */
    static int perChunk(Explorer.Settings settings) {
        return Math.max(1, settings.bootCalls() / settings.length());
    }

    /** Whether the partitions were still counted on when the chunk started. */
    boolean partitionsAtStart() {
        return partitionsAtStart;
    }

    /** Runs the chunk's next sequence; empty once all have run. */
    Optional<Run> next() {
        if (next >= count) {
            return Optional.empty();
        }
        int sequence = first + next;
        next++;
        SplittableRandom random = new SplittableRandom(Explorer.sequenceSeed(settings.seed(), sequence));
        ActionSource source = ActionSource.generated(settings.areas(), random, settings.length());
        boolean sameBoot = !boot.isEmpty() && boot.size() + settings.length() <= settings.bootCalls();
        if (!sameBoot) {
            boot.clear();
        }
        SequenceResult result = sameBoot ? session.continueBoot(runner, source)
                : session.run(runner, source, "explore sequence " + sequence);
        if (result.setupFailure().isPresent()) {
            // The partition agent does not answer, or not as the model says: the normal world goes on alone on this session.
            session.context().partitionsUnavailable(partitionsLost(sequence, result));
        }
        boot.addAll(result.outcomes());
        SequenceResult onBoot = new SequenceResult(boot, Optional.empty());
        String console = result.divergence().isPresent() ? session.consoleTail(CONSOLE_LINES) : "";
        if (result.divergence().isPresent() || result.setupFailure().isPresent()) {
            boot.clear();
        }
        return Optional.of(new Run(sequence, result, onBoot, console));
    }

    /** Why the partitions count as lost after {@code sequence} failed its set-up. */
    static String partitionsLost(int sequence, SequenceResult result) {
        return "sequence " + sequence + ": " + result.setupFailure().orElseThrow().reason();
    }
}
