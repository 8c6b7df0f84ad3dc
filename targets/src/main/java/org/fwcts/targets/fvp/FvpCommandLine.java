package org.fwcts.targets.fvp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fwcts.targets.image.AgentImage;

/**
 * The arguments an FVP is started with: one {@code -C NAME=VALUE} per model parameter (the
 * preset's, then the firmware's, then the descriptor's, each later one winning), the {@code --data}
 * loads, and the descriptor's extra arguments.
 */
final class FvpCommandLine {
    /** The Base FVP's secure boot ROM (BL1) and its NOR flash 0 (the FIP), as TF-A's FVP platform reads them. */
    static final String BL1_PARAMETER = "bp.secureflashloader.fname";
    static final String FIP_PARAMETER = "bp.flashloader0.fname";
    /** The core that runs the agent: the first core of the first cluster. */
    static final String PRELOAD_TARGET = "cluster0.cpu0";

    private FvpCommandLine() {
    }

    static List<String> arguments(Path binary, FvpSettings fvp, Path bl1, Path fip, AgentImage agent) {
        Map<String, String> parameters = new LinkedHashMap<>(FvpPresets.parameters(fvp.preset()).orElseThrow());
        parameters.put(BL1_PARAMETER, bl1.toString());
        parameters.put(FIP_PARAMETER, fip.toString());
        parameters.putAll(fvp.parameters());
        List<String> args = new ArrayList<>(List.of(binary.toString()));
        parameters.forEach((name, value) -> args.addAll(List.of("-C", name + "=" + value)));
        List<FvpSettings.DataLoad> loads = new ArrayList<>();
        if (fvp.agentLoad() == FvpSettings.AgentLoad.PRELOAD) {
            loads.add(new FvpSettings.DataLoad(PRELOAD_TARGET, agent.file(), agent.loadAddress()));
        }
        loads.addAll(fvp.data());
        loads.forEach(load -> args.addAll(List.of("--data", load.argument())));
        args.addAll(fvp.extraArgs());
        return List.copyOf(args);
    }
}
