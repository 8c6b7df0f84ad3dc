package org.fwcts.targets.qemu;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.OutputTail;
import org.fwcts.targets.ProcessTarget;

/** A running QEMU process and the consoles it serves. */
final class QemuInstance extends ProcessTarget {
    private final List<ConsoleEndpoint> consoles;
    private final OutputTail diagnostics;

    private final Optional<QmpReset> qmp;

    QemuInstance(Process process, List<ConsoleEndpoint> consoles, Map<String, String> imageHashes, OutputTail diagnostics,
            Optional<QmpReset> qmp) {
        super("QEMU", process, imageHashes);
        this.consoles = List.copyOf(consoles);
        this.diagnostics = diagnostics;
        this.qmp = qmp;
    }

    @Override
    public boolean resetInPlace() {
        return qmp.isPresent() && process.isAlive() && qmp.get().reset();
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            qmp.ifPresent(reset -> QmpSockets.delete(reset.socket()));
        }
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
