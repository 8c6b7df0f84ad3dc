package org.fwcts.harness.explore;

import java.util.Optional;

/**
 * A divergence explore found: the sequence as it first ran, its shrunk form, who it is down to
 * and the console's last lines after the minimal sequence ran.
 *
 * @param number its number in the run, from 1
 * @param sequence the number of the sequence that found it
 * @param found the sequence as generated, ending at the divergence
 * @param shrunk the minimal sequence, when shrinking ran
 * @param attribution target deviation, profile choice or no result, with the deciding rule and field
 * @param consoleTail the console's last lines after the sequence reported ran
 */
public record Divergence(int number, int sequence, SequenceResult found, Optional<Shrinker.Shrunk> shrunk,
        Attribution attribution, String consoleTail) {

    /** The sequence reported: the shrunk one when there is one. */
    public SequenceResult reported() {
        return shrunk.map(Shrinker.Shrunk::result).orElse(found);
    }

    public StepOutcome step() {
        return reported().divergence().orElseThrow();
    }
}
