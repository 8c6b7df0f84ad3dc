package org.fwcts.targets.qemu;

import java.util.List;
import java.util.Map;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.ProcessReaper;
import org.fwcts.targets.RunningTarget;

/** A running QEMU process and the consoles it serves. */
final class QemuInstance implements RunningTarget {
    private final Process process;
    private final List<ConsoleEndpoint> consoles;
    private final Map<String, String> imageHashes;
    private final OutputTail diagnostics;

    QemuInstance(Process process, List<ConsoleEndpoint> consoles, Map<String, String> imageHashes, OutputTail diagnostics) {
        this.process = process;
        this.consoles = List.copyOf(consoles);
        this.imageHashes = Map.copyOf(imageHashes);
        this.diagnostics = diagnostics;
    }

    @Override
    public List<ConsoleEndpoint> consoles() {
        return consoles;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public Map<String, String> imageHashes() {
        return imageHashes;
    }

    @Override
    public String diagnostics() {
        return diagnostics.text();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        ProcessReaper.stop(process);
    }

    @Override
    public String toString() {
        return "QEMU pid " + process.pid();
    }
}
