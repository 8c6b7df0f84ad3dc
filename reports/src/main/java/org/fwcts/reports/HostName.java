package org.fwcts.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine's name as the kernel holds it, read without asking the name service: where the
 * name does not resolve (containers, fresh chroots, CI runners), {@code InetAddress.getLocalHost}
 * waits for the resolver's time-out on every call, and a report label is not worth that.
 */
public final class HostName {
    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private HostName() {
    }

    /** The kernel's host name, else {@code HOSTNAME} from the environment, else {@code localhost}. */
    public static String local() {
        try {
            String name = Files.readString(KERNEL_HOSTNAME).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | SecurityException e) {
            // Not Linux, or /proc is not mounted: fall back to the environment.
        }
        String fromEnvironment = System.getenv("HOSTNAME");
        return fromEnvironment == null || fromEnvironment.isBlank() ? "localhost" : fromEnvironment.strip();
    }
}
