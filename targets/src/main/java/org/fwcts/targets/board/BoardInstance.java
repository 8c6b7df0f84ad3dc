package org.fwcts.targets.board;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.TargetException;

/** A board the harness has booted; closing it switches it off when the descriptor says so. */
final class BoardInstance implements RunningTarget {
    private final List<ConsoleEndpoint> consoles;
    private final Map<String, String> imageHashes;
    private final Optional<Power> offAtEnd;
    private final List<String> log;
    private volatile boolean closed;

    BoardInstance(List<ConsoleEndpoint> consoles, Map<String, String> imageHashes, Optional<Power> offAtEnd, List<String> log) {
        this.consoles = List.copyOf(consoles);
        this.imageHashes = Map.copyOf(imageHashes);
        this.offAtEnd = offAtEnd;
        this.log = new java.util.concurrent.CopyOnWriteArrayList<>(log);
    }

    @Override
    public List<ConsoleEndpoint> consoles() {
        return consoles;
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
        if (offAtEnd.isPresent()) {
            try {
                offAtEnd.get().off();
            } catch (TargetException e) {
                // Closing must not hide the run's own outcome; the board stays as it is.
                System.err.println("fwcts: could not switch the board off: " + e.getMessage());
            }
        }
    }
}
