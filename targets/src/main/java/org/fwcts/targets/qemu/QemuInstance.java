package org.fwcts.targets.qemu;

import java.util.List;
import java.util.Map;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.OutputTail;
import org.fwcts.targets.ProcessTarget;

/** A running QEMU process and the consoles it serves. */
final class QemuInstance extends ProcessTarget {
    private final List<ConsoleEndpoint> consoles;
    private final OutputTail diagnostics;

    QemuInstance(Process process, List<ConsoleEndpoint> consoles, Map<String, String> imageHashes, OutputTail diagnostics) {
        super("QEMU", process, imageHashes);
        this.consoles = List.copyOf(consoles);
        this.diagnostics = diagnostics;
    }

    @Override
    public List<ConsoleEndpoint> consoles() {
        return consoles;
    }

    @Override
    public String diagnostics() {
        return diagnostics.text();
    }

    long pid() {
        return process.pid();
    }
}
