package org.fwcts.targets.fvp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fwcts.targets.descriptor.YamlNode;
import org.fwcts.targets.spi.KindSettings;

/**
 * How to start an Arm FVP for a target, from its descriptor's {@code fvp} section.
 *
 * @param binary the model executable: a name looked up on PATH, or a path ({@code FWCTS_FVP} overrides it)
 * @param preset the name of the {@link FvpPresets preset} the parameters start from
 * @param parameters model parameters ({@code -C}) applied after the preset's
 * @param agentLoad how the agent reaches the model's memory
 * @param data further {@code --data} loads
 * @param environment variables set for the model on top of the harness's own (licence variables pass through as set)
 * @param extraArgs further arguments, appended as given
 */
public record FvpSettings(String binary, String preset, Map<String, String> parameters, AgentLoad agentLoad,
        List<DataLoad> data, Map<String, String> environment, List<String> extraArgs) implements KindSettings {
    /** Overrides {@code fvp.binary} when set, so a farm points every descriptor at its installed model. */
    public static final String BINARY_VARIABLE = "FWCTS_FVP";
    /** Where the FVP user's guide says a model's licence is looked up; shown by {@code fwcts doctor}. */
    public static final List<String> LICENCE_VARIABLES = List.of("ARMLMD_LICENSE_FILE", "LM_LICENSE_FILE");
    private static final Pattern DATA = Pattern.compile("([A-Za-z0-9_.]+)=(.+)@(0[xX][0-9a-fA-F]+|[0-9]+)");

    public FvpSettings {
        parameters = Map.copyOf(parameters);
        data = List.copyOf(data);
        environment = Map.copyOf(environment);
        extraArgs = List.copyOf(extraArgs);
    }

    /** Where the agent image goes. */
    public enum AgentLoad {
        /** Into a copy of the firmware's FIP as BL33, where TF-A's BL2 loads it from. */
        FIP,
        /** Into memory at the image's load address ({@code --data}), for firmware built with PRELOADED_BL33_BASE. */
        PRELOAD
    }

    /**
     * One {@code --data TARGET=FILE@ADDRESS} load.
     *
     * @param target the component whose view of memory is written, e.g. {@code cluster0.cpu0}
     * @param file the bytes to load
     * @param address where
     */
    public record DataLoad(String target, Path file, long address) {
        public String argument() {
            return target + "=" + file + "@0x" + Long.toHexString(address);
        }
    }

    /** The model parameters in force: the preset's, then the descriptor's, which win. */
    public Map<String, String> modelParameters() {
        Map<String, String> all = new LinkedHashMap<>(FvpPresets.parameters(preset).orElseThrow());
        all.putAll(parameters);
        return all;
    }

    /** The {@code fvp} section of a descriptor, validated; files named in it must exist. */
    public static FvpSettings read(YamlNode node) {
        node.allowOnly(Set.of("binary", "preset", "parameters", "agentLoad", "data", "environment", "extraArgs"));
        String binary = node.optionalString("binary").orElse("FVP_Base_RevC-2xAEMvA");
        if (binary.contains("/")) {
            binary = node.pathIn("binary", binary).toString();
        }
        String preset = node.optionalString("preset").orElse(FvpPresets.DEFAULT);
        if (FvpPresets.parameters(preset).isEmpty()) {
            throw node.error("preset", "unknown preset '" + preset + "' (known: " + String.join(", ", FvpPresets.names()) + ")");
        }
        Map<String, String> parameters = node.stringMap("parameters");
        for (String name : parameters.keySet()) {
            if (!name.matches("[A-Za-z0-9_.\\-\\[\\]]+")) {
                throw node.error("parameters", "'" + name + "' is not a model parameter name (component.parameter)");
            }
        }
        String load = node.optionalString("agentLoad").orElse("fip");
        AgentLoad agentLoad = switch (load) {
            case "fip" -> AgentLoad.FIP;
            case "preload" -> AgentLoad.PRELOAD;
            default -> throw node.error("agentLoad", "expected fip or preload, got '" + load + "'");
        };
        return new FvpSettings(binary, preset, parameters, agentLoad, data(node), node.stringMap("environment"),
                node.strings("extraArgs"));
    }

    private static List<DataLoad> data(YamlNode node) {
        List<DataLoad> loads = new ArrayList<>();
        List<String> entries = node.strings("data");
        for (int i = 0; i < entries.size(); i++) {
            String field = "data[" + i + "]";
            Matcher match = DATA.matcher(entries.get(i).trim());
            if (!match.matches()) {
                throw node.error(field, "expected TARGET=FILE@ADDRESS such as cluster0.cpu0=image.bin@0x88000000, got '"
                        + entries.get(i) + "'");
            }
            Path file = node.pathIn(field, match.group(2));
            if (!Files.isReadable(file)) {
                throw node.error(field, "no readable file at " + file);
            }
            String address = match.group(3).toLowerCase(Locale.ROOT);
            loads.add(new DataLoad(match.group(1), file, address.startsWith("0x")
                    ? Long.parseUnsignedLong(address.substring(2), 16) : Long.parseUnsignedLong(address)));
        }
        return loads;
    }
}
