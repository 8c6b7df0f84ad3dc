package org.fwcts.targets.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.board.BoardDrivers;
import org.fwcts.targets.board.BoardSettings;
import org.fwcts.targets.fvp.FvpSettings;

/**
 * Reads and validates a target descriptor. Every problem is reported as one error naming the
 * file and the field; nothing is started for a descriptor that does not validate.
 */
public final class DescriptorLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final int DEFAULT_RECOVERY_ATTEMPTS = 2;
    private static final Set<String> TIMEOUT_FIELDS = Set.of("bootSeconds", "commandSeconds", "recoveryAttempts");

    private DescriptorLoader() {
    }

    public static TargetDescriptor load(Path file) {
        YamlNode root = parse(file).allowOnly(Set.of("name", "kind", "profile", "profileOverrides", "qemu",
                "simulated", "board", "fvp", "ffa", "agent", "firmware", "consoles", "timeouts"));
        String kindText = root.string("kind");
        TargetKind kind = TargetKind.parse(kindText).orElseThrow(() -> root.error("kind",
                "unsupported target kind '" + kindText + "' (supported: qemu, fvp, board, simulated)"));
        for (TargetKind owner : List.of(TargetKind.QEMU, TargetKind.SIMULATED, TargetKind.BOARD, TargetKind.FVP)) {
            if (kind != owner && root.optionalMapping(owner.label()).isPresent()) {
                throw root.error(owner.label(), "only a target of kind " + owner.label() + " takes this section");
            }
        }
        Optional<QemuSettings> qemu = kind == TargetKind.QEMU ? Optional.of(qemu(root.mapping("qemu"))) : Optional.empty();
        Optional<SimulatedSettings> simulated = kind == TargetKind.SIMULATED
                ? Optional.of(simulated(root.optionalMapping("simulated").orElse(null))) : Optional.empty();
        Optional<BoardSettings> board = kind == TargetKind.BOARD
                ? Optional.of(BoardDrivers.read(root.optionalMapping("board").orElseGet(() -> emptyMapping(root, "board"))))
                : Optional.empty();
        Optional<FvpSettings> fvp = kind == TargetKind.FVP
                ? Optional.of(FvpSettings.read(root.optionalMapping("fvp").orElseGet(() -> emptyMapping(root, "fvp"))))
                : Optional.empty();
        FirmwareSpec firmware = firmware(root.optionalMapping("firmware").orElse(null));
        if (kind == TargetKind.FVP && !(firmware instanceof FirmwareSpec.Bl1AndFip)) {
            // An FVP's cores reset into EL3 at address 0, where only secure firmware can take over.
            throw root.error("firmware", "an FVP target boots TF-A: give firmware.bl1 and firmware.fip");
        }
        YamlNode timeouts = root.optionalMapping("timeouts").orElse(null);
        // A model runs far slower than QEMU: minutes to boot, seconds per call.
        boolean slow = kind == TargetKind.FVP;
        return new TargetDescriptor(file, root.string("name"), kind, root.string("profile"),
                root.stringMap("profileOverrides"), qemu, simulated, board, fvp,
                root.optionalMapping("ffa").map(DescriptorLoader::ffa), agentImage(root, kind), partitionAgent(root),
                firmware, consoles(root, kind),
                seconds(timeouts, "bootSeconds", slow ? 300 : 30), seconds(timeouts, "commandSeconds", slow ? 30 : 5),
                timeouts == null ? DEFAULT_RECOVERY_ATTEMPTS : timeouts.integer("recoveryAttempts", DEFAULT_RECOVERY_ATTEMPTS, 0, 100));
    }

    static YamlNode parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TargetException(file + ": no such descriptor file");
        }
        try {
            JsonNode tree = YAML.readTree(file.toFile());
            if (tree == null || !tree.isObject()) {
                throw new TargetException(file + ": expected a YAML mapping at the top level");
            }
            return new YamlNode(file, "", tree);
        } catch (IOException e) {
            throw new TargetException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static QemuSettings qemu(YamlNode node) {
        node.allowOnly(Set.of("binary", "machine", "cpu", "memory", "cpus", "extraArgs"));
        return new QemuSettings(node.optionalString("binary").orElse("qemu-system-aarch64"), node.string("machine"),
                node.string("cpu"), node.optionalString("memory").orElse("512M"), node.integer("cpus", 1, 1, 512),
                node.strings("extraArgs"));
    }

    /** QEMU boots an agent image; a simulated target's agent is part of the simulation. */
    private static Optional<String> agentImage(YamlNode root, TargetKind kind) {
        if (kind == TargetKind.SIMULATED) {
            if (root.optionalMapping("agent").isPresent()) {
                throw root.error("agent", "a simulated target runs no agent image");
            }
            return Optional.empty();
        }
        return Optional.of(root.mapping("agent").allowOnly(Set.of("image", "partition", "partitionManifest"))
                .string("image"));
    }

    /** {@code agent.partition} and {@code agent.partitionManifest} go together. */
    private static Optional<PartitionAgentSpec> partitionAgent(YamlNode root) {
        Optional<YamlNode> agent = root.optionalMapping("agent");
        if (agent.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> image = agent.get().optionalString("partition");
        Optional<String> manifest = agent.get().optionalString("partitionManifest");
        if (image.isPresent() != manifest.isPresent()) {
            throw agent.get().error(image.isPresent() ? "partitionManifest" : "partition",
                    "missing field (partition and partitionManifest go together)");
        }
        return image.map(name -> new PartitionAgentSpec(name, manifest.get()));
    }

    private static SimulatedSettings simulated(YamlNode node) {
        if (node == null) {
            return new SimulatedSettings(List.of());
        }
        node.allowOnly(Set.of("deviations"));
        return new SimulatedSettings(node.strings("deviations"));
    }

    private static FfaSettings ffa(YamlNode node) {
        node.allowOnly(Set.of("scratchBase", "scratchPages"));
        long base = node.address("scratchBase");
        if ((base & (FfaSettings.PAGE_SIZE - 1)) != 0) {
            throw node.error("scratchBase", "must be 4 KiB aligned, got 0x" + Long.toHexString(base));
        }
        return new FfaSettings(base, node.integer("scratchPages", 64, 8, 1 << 20));
    }

    private static FirmwareSpec firmware(YamlNode node) {
        if (node == null) {
            return new FirmwareSpec.None();
        }
        node.allowOnly(Set.of("bios", "bl1", "fip"));
        var bios = node.optionalPath("bios");
        var bl1 = node.optionalPath("bl1");
        var fip = node.optionalPath("fip");
        if (bios.isPresent() && (bl1.isPresent() || fip.isPresent())) {
            throw node.error("bios", "give either bios or bl1 + fip, not both");
        }
        if (bios.isPresent()) {
            return new FirmwareSpec.Bios(existing(node, "bios", bios.get()));
        }
        if (bl1.isEmpty() || fip.isEmpty()) {
            throw node.error(bl1.isEmpty() ? "bl1" : "fip", "missing field (bl1 and fip go together)");
        }
        return new FirmwareSpec.Bl1AndFip(existing(node, "bl1", bl1.get()), existing(node, "fip", fip.get()));
    }

    private static Path existing(YamlNode node, String field, Path path) {
        if (!Files.isReadable(path)) {
            throw node.error(field, "no readable file at " + path);
        }
        return path;
    }

    private static YamlNode emptyMapping(YamlNode parent, String name) {
        return new YamlNode(parent.file(), parent.path(name), YAML.createObjectNode());
    }

    private static List<ConsoleSpec> consoles(YamlNode root, TargetKind targetKind) {
        List<ConsoleSpec> consoles = new ArrayList<>();
        for (Map.Entry<String, YamlNode> entry : root.mappings("consoles").entrySet()) {
            consoles.add(ConsoleSection.read(entry.getKey(), entry.getValue(), targetKind));
        }
        if (consoles.isEmpty()) {
            throw root.error("consoles", "at least one console (the agent's) is needed");
        }
        return consoles;
    }

    private static Duration seconds(YamlNode timeouts, String field, int defaultSeconds) {
        int value = timeouts == null ? defaultSeconds : timeouts.allowOnly(TIMEOUT_FIELDS)
                .integer(field, defaultSeconds, 1, 86_400);
        return Duration.ofSeconds(value);
    }
}
