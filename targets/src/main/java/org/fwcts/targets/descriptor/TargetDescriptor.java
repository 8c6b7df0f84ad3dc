package org.fwcts.targets.descriptor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A target as its YAML descriptor describes it: what to launch, which images, which consoles,
 * and which reference-model profile predicts its behaviour.
 *
 * @param file the descriptor file
 * @param name the target's name
 * @param profile the reference-model profile name
 * @param profileOverrides profile fields this target sets differently, as text
 * @param qemu how to start QEMU
 * @param agentImage the agent image's name in the image manifest
 * @param firmware the secure firmware, if any
 * @param consoles the consoles, the agent's first
 * @param bootTimeout how long boot may take until the agent answers
 * @param commandTimeout how long one agent command may take
 */
public record TargetDescriptor(
        Path file,
        String name,
        String profile,
        Map<String, String> profileOverrides,
        QemuSettings qemu,
        String agentImage,
        FirmwareSpec firmware,
        List<ConsoleSpec> consoles,
        Duration bootTimeout,
        Duration commandTimeout) {

    public TargetDescriptor {
        profileOverrides = Map.copyOf(profileOverrides);
        consoles = List.copyOf(consoles);
    }

    /** The console the agent speaks on. */
    public ConsoleSpec agentConsole() {
        return consoles.get(0);
    }
}
