package org.fwcts.targets.labgrid;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.RunReservation;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.board.Power;

/**
 * A booted board of a labgrid place. Its consoles are looked up each time they are asked for,
 * because the place's exporter serves them on a new port whenever the place is acquired again.
 */
final class LabgridInstance implements RunningTarget {
    private final Supplier<List<ConsoleEndpoint>> consoles;
    private final Map<String, String> imageHashes;
    private final Optional<Power> offAtEnd;
    private final List<String> log;
    private final RunReservation ownReservation;
    private volatile boolean closed;

    LabgridInstance(Supplier<List<ConsoleEndpoint>> consoles, Map<String, String> imageHashes, Optional<Power> offAtEnd,
            List<String> log, RunReservation ownReservation) {
        this.consoles = consoles;
        this.imageHashes = Map.copyOf(imageHashes);
        this.offAtEnd = offAtEnd;
        this.log = new CopyOnWriteArrayList<>(log);
        this.ownReservation = ownReservation;
    }

    @Override
    public List<ConsoleEndpoint> consoles() {
        return consoles.get();
    }

    /** A board cannot tell; the console and the agent's answers show whether it is alive. */
    @Override
    public boolean isAlive() {
        return !closed;
    }

    @Override
    public Map<String, String> imageHashes() {
        return imageHashes;
    }

    @Override
    public String diagnostics() {
        return String.join("\n", log);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            offAtEnd.ifPresent(Power::off);
        } catch (TargetException e) {
            // Closing must not hide the run's own outcome; the board stays as it is.
            System.err.println("fwcts: could not switch the board off: " + e.getMessage());
        } finally {
            ownReservation.release();
        }
    }
}
