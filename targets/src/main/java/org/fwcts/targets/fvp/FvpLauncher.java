package org.fwcts.targets.fvp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fwcts.targets.Executables;
import org.fwcts.targets.ProcessReaper;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.ConsoleSpec;
import org.fwcts.targets.descriptor.FirmwareSpec;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.image.AgentFip;
import org.fwcts.targets.image.AgentImage;
import org.fwcts.targets.image.ImageManifest;

/**
 * Starts an Arm FVP with the user's TF-A (BL1 and a copy of the FIP carrying the agents) and the
 * descriptor's model parameters, and connects the agent's console once the model announces its
 * terminal. The model runs in the boot's work folder (where it may write its own files) and is
 * stopped with the harness on every exit path.
 */
public final class FvpLauncher implements TargetLauncher {
    private final ImageManifest images;

    public FvpLauncher(ImageManifest images) {
        this.images = images;
    }

    @Override
    public RunningTarget launch(TargetDescriptor target, Path workDir) {
        FvpSettings fvp = target.settings(FvpSettings.class);
        Path binary = binary(target);
        AgentImage agent = images.image(target.agentImage()).verified();
        FirmwareSpec.Bl1AndFip tfa = (FirmwareSpec.Bl1AndFip) target.firmware();
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("agent:" + agent.name(), agent.sha256());
        hashes.put("firmware:bl1", AgentImage.sha256Of(tfa.bl1()));
        hashes.put("firmware:fip", AgentImage.sha256Of(tfa.fip()));
        Path fip = AgentFip.place(tfa.fip(), agent.file(), AgentFip.partition(target, images, hashes), workDir);
        ProcessBuilder builder = new ProcessBuilder(ProcessReaper.diesWithHarness(
                FvpCommandLine.arguments(binary, fvp, tfa.bl1(), fip, agent)))
                .directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(fvp.environment());
        Process process;
        try {
            process = ProcessReaper.track(builder.start());
        } catch (IOException e) {
            throw new TargetException(target.file() + ": fvp.binary: cannot start " + binary + ": " + e.getMessage(), e);
        }
        FvpInstance instance = new FvpInstance(process, target.agentConsole(), terminalLabels(target), hashes);
        try {
            instance.awaitAgentTerminal(target.bootTimeout(), target.file().toString());
            return instance;
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
    }

    /** The model executable: {@code FWCTS_FVP} when set, else {@code fvp.binary}; fails naming which and how to fix it. */
    public static Path binary(TargetDescriptor target) {
        String override = System.getenv(FvpSettings.BINARY_VARIABLE);
        boolean overridden = override != null && !override.isBlank();
        String name = overridden ? override : target.settings(FvpSettings.class).binary();
        return Executables.find(name).orElseThrow(() -> new TargetException((overridden
                ? "environment variable " + FvpSettings.BINARY_VARIABLE : target.file() + ": fvp.binary") + ": '" + name
                + "' is not an executable model; install an Arm FVP (e.g. FVP_Base_RevC-2xAEMvA) and put it on PATH,"
                + " give its path, or set " + FvpSettings.BINARY_VARIABLE));
    }

    private static Map<String, String> terminalLabels(TargetDescriptor target) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (ConsoleSpec console : target.consoles()) {
            console.terminal().ifPresent(terminal -> labels.put(terminal, console.name()));
        }
        return labels;
    }
}
