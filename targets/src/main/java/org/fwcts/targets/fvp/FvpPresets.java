package org.fwcts.targets.fvp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fwcts.targets.descriptor.YamlTree;

/**
 * The named sets of model parameters an FVP target starts from ({@code presets.yaml} beside this
 * class): {@code base} makes a Base FVP headless with raw terminals, {@code rme} adds FEAT_RME.
 * They are data, so a new preset is a YAML entry, not code.
 */
public final class FvpPresets {
    public static final String DEFAULT = "base";
    private static final Map<String, Map<String, String>> PRESETS = load();

    private FvpPresets() {
    }

    /** The parameters of preset {@code name}, its base's first, in file order; empty when there is no such preset. */
    public static Optional<Map<String, String>> parameters(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    public static Set<String> names() {
        return PRESETS.keySet();
    }

    private static Map<String, Map<String, String>> load() {
        try (InputStream in = FvpPresets.class.getResourceAsStream("presets.yaml")) {
            Map<?, ?> root = (Map<?, ?>) YamlTree.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, Map<String, String>> presets = new LinkedHashMap<>();
            root.keySet().forEach(name -> presets.put((String) name, resolve(root, (String) name)));
            return Collections.unmodifiableMap(presets);
        } catch (IOException e) {
            throw new UncheckedIOException("the FVP presets resource is unreadable", e);
        }
    }

    private static Map<String, String> resolve(Map<?, ?> root, String name) {
        Map<?, ?> preset = (Map<?, ?>) root.get(name);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (preset.get("extends") instanceof String base) {
            parameters.putAll(resolve(root, base));
        }
        ((Map<?, ?>) preset.get("parameters")).forEach((key, value) -> parameters.put((String) key, String.valueOf(value)));
        return Collections.unmodifiableMap(parameters);
    }
}
