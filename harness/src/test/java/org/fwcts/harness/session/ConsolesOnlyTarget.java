package org.fwcts.harness.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.RunningTarget;

/**
 * A stand-in for a launched target that is nothing but its consoles: always alive, no images,
 * nothing to stop. {@link #hand} plays a line of a console it reads itself (as an FVP drains its
 * other terminals) to whoever asked for them.
 */
final class ConsolesOnlyTarget implements RunningTarget {
    private final List<ConsoleEndpoint> consoles;
    private final List<BiConsumer<String, String>> forwards = new CopyOnWriteArrayList<>();

    ConsolesOnlyTarget(List<ConsoleEndpoint> consoles) {
        this.consoles = List.copyOf(consoles);
    }

    /** A line read on console {@code console}, handed to each listener. */
    void hand(String console, String line) {
        forwards.forEach(forward -> forward.accept(console, line));
    }

    @Override
    public List<ConsoleEndpoint> consoles() {
        return consoles;
    }

    @Override
    public void forwardOwnConsoles(BiConsumer<String, String> listener) {
        forwards.add(listener);
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    @Override
    public Map<String, String> imageHashes() {
        return Map.of();
    }

    @Override
    public String diagnostics() {
        return "";
    }

    @Override
    public void close() {
        // Nothing was started.
    }
}
