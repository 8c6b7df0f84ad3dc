package org.fwcts.reports.waiver;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.fwcts.reports.TestRecord;
import org.fwcts.reports.TestStatus;

/**
 * The waivers a run's summary applies, and where they came from.
 *
 * @param file the waiver file, or empty when the run has no waivers
 * @param entries the waivers in file order; the first one that applies to a failure is the one reported
 */
public record Waivers(Optional<Path> file, List<Waiver> entries) {

    /** How one waiver fared against one run. */
    public enum State {
        /** In force on the run's day and accepted at least one failure. */
        APPLIED,
        /** Expired before the run's day: the failures it names count again. */
        EXPIRED,
        /** In force, but no failure of this run needed it. */
        UNUSED
    }

    public Waivers {
        entries = List.copyOf(entries);
    }

    public Waivers(Path file, List<Waiver> entries) {
        this(Optional.of(file), entries);
    }

    public static Waivers none() {
        return new Waivers(Optional.empty(), List.of());
    }

    /** The waiver that accepts {@code test}'s failure on {@code day}; empty for tests that did not fail. */
    public Optional<Waiver> accepting(TestRecord test, LocalDate day) {
        if (test.status() != TestStatus.FAILED) {
            return Optional.empty();
        }
        return entries.stream().filter(w -> w.covers(test) && w.inForceOn(day)).findFirst();
    }

    /** A waiver that would have accepted {@code test}'s failure had it not expired before {@code day}. */
    public Optional<Waiver> expiredFor(TestRecord test, LocalDate day) {
        if (test.status() != TestStatus.FAILED || accepting(test, day).isPresent()) {
            return Optional.empty();
        }
        return entries.stream().filter(w -> w.covers(test) && !w.inForceOn(day)).findFirst();
    }

    /** How {@code waiver} fared against a run of {@code tests} on {@code day}. */
    public State stateOf(Waiver waiver, Collection<TestRecord> tests, LocalDate day) {
        if (!waiver.inForceOn(day)) {
            return State.EXPIRED;
        }
        boolean used = tests.stream().anyMatch(t -> accepting(t, day).filter(waiver::equals).isPresent());
        return used ? State.APPLIED : State.UNUSED;
    }
}
