package org.fwcts.targets.qemu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a launched QEMU's QMP socket lives: a folder of its own in the temporary directory, whose path is short enough for a unix socket. */
final class QmpSockets {
    private QmpSockets() {
    }

    /**
     * Set to 1, every boot launches QEMU anew instead of resetting the running one in place: for
     * comparing the two, or for a QEMU whose reset misbehaves.
     */
    static final String RELAUNCH_EACH_BOOT = "FWCTS_QEMU_RELAUNCH";

    /**
     * A fresh socket path; empty when none short enough can be made or {@link #RELAUNCH_EACH_BOOT}
     * asks for relaunches (the target is then relaunched for each boot).
     */
    static Optional<QmpReset> create() {
        if ("1".equals(System.getenv(RELAUNCH_EACH_BOOT))) {
            return Optional.empty();
        }
        try {
            Path socket = Files.createTempDirectory("fwcts-qmp").resolve("qmp.sock");
            if (socket.toString().getBytes(StandardCharsets.UTF_8).length > QmpReset.MAX_PATH_BYTES) {
                delete(socket);
                return Optional.empty();
            }
            return Optional.of(new QmpReset(socket));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes the socket and its folder; what cannot be removed stays (a temporary file). */
    static void delete(Path socket) {
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(socket.getParent());
        } catch (IOException e) {
            // Left in the temporary directory.
        }
    }
}
