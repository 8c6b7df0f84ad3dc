package org.fwcts.targets.descriptor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.spi.KindSettings;
import org.fwcts.targets.spi.TargetKind;

/**
 * A target as its YAML descriptor describes it: what to launch, which images, which consoles,
 * and which reference-model profile predicts its behaviour.
 *
 * @param file the descriptor file
 * @param name the target's name
 * @param kind what runs it
 * @param profile the reference-model profile name
 * @param profileOverrides profile fields this target sets differently, as text
 * @param settings the kind's own settings, from the section named after the kind
 * @param ffa where FF-A tests may use normal-world memory, if the target allows them to
 * @param agentImageName the agent image's name in the image manifest (not for simulated targets)
 * @param partitionAgent the secure-partition agent the launcher places as BL32, if any
 * @param firmware the secure firmware, if any
 * @param consoles the consoles, the agent's first
 * @param bootTimeout how long boot may take until the agent answers
 * @param commandTimeout how long one agent command may take
 * @param recoveryAttempts how many relaunches a run tries after the target fails before it gives the target up
 * @param warnings what the descriptor allows but a user should know (a console bound beyond loopback)
 */
public record TargetDescriptor(
        Path file,
        String name,
        TargetKind kind,
        String profile,
        Map<String, String> profileOverrides,
        KindSettings settings,
        Optional<FfaSettings> ffa,
        Optional<String> agentImageName,
        Optional<PartitionAgentSpec> partitionAgent,
        FirmwareSpec firmware,
        List<ConsoleSpec> consoles,
        Duration bootTimeout,
        Duration commandTimeout,
        int recoveryAttempts,
        List<String> warnings) {

    public TargetDescriptor {
        profileOverrides = Map.copyOf(profileOverrides);
        consoles = List.copyOf(consoles);
        warnings = List.copyOf(warnings);
    }

    /** The kind's settings as {@code type}; fails naming the section when this target is of another kind. */
    public <T extends KindSettings> T settings(Class<T> type) {
        if (!type.isInstance(settings)) {
            throw new TargetException(file + ": kind: a " + kind.name() + " target has no "
                    + type.getSimpleName() + " settings");
        }
        return type.cast(settings);
    }

    /** True when the target is a simulation, whose results are never conformance results. */
    public boolean simulation() {
        return kind.rules().simulation();
    }

    /** The agent image's name in the image manifest; only emulated and real targets boot one. */
    public String agentImage() {
        return agentImageName.orElseThrow(() -> new TargetException(
                file + ": agent: missing (a " + kind.name() + " target boots no agent image)"));
    }

    /** The console the agent speaks on. */
    public ConsoleSpec agentConsole() {
        return consoles.get(0);
    }
}
