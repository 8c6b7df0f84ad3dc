package org.fwcts.targets.descriptor;

import java.util.Locale;
import java.util.Optional;

/** What runs a target: an emulator or model the harness launches, a physical board, or the in-process simulation. */
public enum TargetKind {
    /** QEMU, launched and stopped by the harness. */
    QEMU,
    /** An Arm Fixed Virtual Platform model, launched and stopped by the harness; its consoles are model terminals. */
    FVP,
    /** A physical board: console over a serial device or the network, power and deployment by descriptor. */
    BOARD,
    /**
     * No hardware or emulator: agents answered in-process by the reference model. Its results
     * are never conformance results; it exists to test the suite itself.
     */
    SIMULATED;

    public static Optional<TargetKind> parse(String text) {
        for (TargetKind kind : values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(text)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
