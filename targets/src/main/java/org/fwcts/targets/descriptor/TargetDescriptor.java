package org.fwcts.targets.descriptor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fwcts.targets.board.BoardSettings;
import org.fwcts.targets.fvp.FvpSettings;

/**
 * A target as its YAML descriptor describes it: what to launch, which images, which consoles,
 * and which reference-model profile predicts its behaviour.
 *
 * @param file the descriptor file
 * @param name the target's name
 * @param kind what runs it
 * @param profile the reference-model profile name
 * @param profileOverrides profile fields this target sets differently, as text
 * @param qemuSettings how to start QEMU (kind qemu)
 * @param simulated the simulation's settings (kind simulated)
 * @param boardSettings power, reset and deployment of a physical board (kind board)
 * @param fvpSettings how to start the model (kind fvp)
 * @param ffa where FF-A tests may use normal-world memory, if the target allows them to
 * @param agentImageName the agent image's name in the image manifest (not for simulated targets)
 * @param partitionAgent the secure-partition agent the launcher places as BL32, if any
 * @param firmware the secure firmware, if any
 * @param consoles the consoles, the agent's first
 * @param bootTimeout how long boot may take until the agent answers
 * @param commandTimeout how long one agent command may take
 * @param recoveryAttempts how many relaunches a run tries after the target fails before it gives the target up
 */
public record TargetDescriptor(
        Path file,
        String name,
        TargetKind kind,
        String profile,
        Map<String, String> profileOverrides,
        Optional<QemuSettings> qemuSettings,
        Optional<SimulatedSettings> simulated,
        Optional<BoardSettings> boardSettings,
        Optional<FvpSettings> fvpSettings,
        Optional<FfaSettings> ffa,
        Optional<String> agentImageName,
        Optional<PartitionAgentSpec> partitionAgent,
        FirmwareSpec firmware,
        List<ConsoleSpec> consoles,
        Duration bootTimeout,
        Duration commandTimeout,
        int recoveryAttempts) {

    public TargetDescriptor {
        profileOverrides = Map.copyOf(profileOverrides);
        consoles = List.copyOf(consoles);
    }

    /** How to start QEMU; only targets of kind qemu have it. */
    public QemuSettings qemu() {
        return qemuSettings.orElseThrow(() -> new org.fwcts.targets.TargetException(
                file + ": qemu: missing (a " + kind.label() + " target has no QEMU settings)"));
    }

    /** How to power, reset and deploy to a board; only targets of kind board have it. */
    public BoardSettings board() {
        return boardSettings.orElseThrow(() -> new org.fwcts.targets.TargetException(
                file + ": board: missing (a " + kind.label() + " target has no board settings)"));
    }

    /** How to start the model; only targets of kind fvp have it. */
    public FvpSettings fvp() {
        return fvpSettings.orElseThrow(() -> new org.fwcts.targets.TargetException(
                file + ": fvp: missing (a " + kind.label() + " target has no FVP settings)"));
    }

    /** The agent image's name in the image manifest; only emulated and real targets boot one. */
    public String agentImage() {
        return agentImageName.orElseThrow(() -> new org.fwcts.targets.TargetException(
                file + ": agent: missing (a " + kind.label() + " target boots no agent image)"));
    }

    /** The console the agent speaks on. */
    public ConsoleSpec agentConsole() {
        return consoles.get(0);
    }
}
