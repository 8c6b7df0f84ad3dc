package org.fwcts.harness.session;

import java.util.List;
import java.util.Map;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.RunningTarget;

/** A stand-in for a launched target that is nothing but its consoles: always alive, no images, nothing to stop. */
record ConsolesOnlyTarget(List<ConsoleEndpoint> consoles) implements RunningTarget {
    ConsolesOnlyTarget {
        consoles = List.copyOf(consoles);
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
