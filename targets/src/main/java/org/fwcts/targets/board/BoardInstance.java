package org.fwcts.targets.board;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.RunReservation;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.TargetException;

/**
 * A board the harness has booted; closing it switches it off when the descriptor says so, then
 * gives back the reservation it was booted under (a farm's place), if any.
 */
public final class BoardInstance implements RunningTarget {
    private final Supplier<List<ConsoleEndpoint>> consoles;
    private final Map<String, String> imageHashes;
    private final Optional<Power> offAtEnd;
    private final List<String> log;
    private final RunReservation reservation;
    private volatile boolean closed;

    BoardInstance(List<ConsoleEndpoint> consoles, Map<String, String> imageHashes, Optional<Power> offAtEnd, List<String> log) {
        this(fixed(List.copyOf(consoles)), imageHashes, offAtEnd, log, RunReservation.NONE);
    }

    private static Supplier<List<ConsoleEndpoint>> fixed(List<ConsoleEndpoint> consoles) {
        return () -> consoles;
    }

    /**
     * A board whose consoles are looked up each time they are asked for (a farm's exporter may
     * serve them on a new port after the place is acquired again), released with
     * {@code reservation} when closed.
     */
    public BoardInstance(Supplier<List<ConsoleEndpoint>> consoles, Map<String, String> imageHashes,
            Optional<Power> offAtEnd, List<String> log, RunReservation reservation) {
        this.consoles = consoles;
        this.imageHashes = Map.copyOf(imageHashes);
        this.offAtEnd = offAtEnd;
        this.log = new java.util.concurrent.CopyOnWriteArrayList<>(log);
        this.reservation = reservation;
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
            reservation.release();
        }
    }
}
