package org.fwcts.targets.descriptor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.fwcts.targets.spi.KindRules;
import org.fwcts.targets.spi.TargetKind;

/**
 * Reads and validates a target descriptor. Every problem is reported as one error naming the
 * file and the field; nothing is started for a descriptor that does not validate. The fields
 * every target has are read here; the section named after the target's kind is read by that
 * {@link TargetKind}.
 */
public final class DescriptorLoader {
    private static final int DEFAULT_RECOVERY_ATTEMPTS = 2;
    private static final Set<String> TIMEOUT_FIELDS = Set.of("bootSeconds", "commandSeconds", "recoveryAttempts");
    private static final Set<String> COMMON_FIELDS = Set.of("name", "kind", "profile", "profileOverrides", "ffa",
            "agent", "firmware", "consoles", "timeouts");
    /** A name that becomes part of a folder or file name: no separator, no "..", no hidden file. */
    private static final Pattern PATH_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");

    private DescriptorLoader() {
    }

    public static TargetDescriptor load(Path file) {
        YamlNode root = DescriptorFile.read(file);
        String kindText = root.string("kind");
        TargetKind kind = TargetKinds.named(kindText).orElseThrow(() -> root.error("kind",
                "unsupported target kind '" + kindText + "' (supported: " + String.join(", ", TargetKinds.names()) + ")"));
        onlyOwnSection(root, kind);
        String name = pathName(root, "name", root.string("name"));
        KindRules rules = kind.rules();
        var settings = kind.read(root);
        FirmwareSpec firmware = firmware(root.optionalMapping("firmware").orElse(null));
        YamlNode timeouts = root.optionalMapping("timeouts").orElse(null);
        List<ConsoleSpec> consoles = consoles(root, kind);
        return new TargetDescriptor(file, name, kind, root.string("profile"),
                root.stringMap("profileOverrides"), settings,
                root.optionalMapping("ffa").map(DescriptorLoader::ffa), agentImage(root, rules), partitionAgent(root),
                firmware, consoles,
                seconds(timeouts, "bootSeconds", rules.bootTimeout()), seconds(timeouts, "commandSeconds", rules.commandTimeout()),
                timeouts == null ? DEFAULT_RECOVERY_ATTEMPTS : timeouts.integer("recoveryAttempts", DEFAULT_RECOVERY_ATTEMPTS, 0, 100),
                warnings(root, rules, consoles));
    }

    /** Top-level fields: the common ones and the kind's own section; another kind's section is named as such. */
    private static void onlyOwnSection(YamlNode root, TargetKind kind) {
        Set<String> known = new HashSet<>(COMMON_FIELDS);
        known.add(kind.name());
        for (String field : root.fieldNames()) {
            if (!known.contains(field) && TargetKinds.named(field).isPresent()) {
                throw root.error(field, "only a target of kind " + field + " takes this section");
            }
        }
        root.allowOnly(known);
    }

    /** {@code text}, from field {@code field}, as a name that is safe in a folder or file name. */
    static String pathName(YamlNode node, String field, String text) {
        if (!PATH_NAME.matcher(text).matches()) {
            throw node.error(field, "expected a name of letters, digits, '.', '_' and '-' (at most 64, not starting"
                    + " with '.'; it becomes part of file and folder names), got '" + text + "'");
        }
        return text;
    }

    /**
     * A console a launched target serves on an address beyond loopback is reachable by other
     * machines: allowed (a lab may want it), but said.
     */
    private static List<String> warnings(YamlNode root, KindRules rules, List<ConsoleSpec> consoles) {
        List<String> warnings = new ArrayList<>();
        if (rules.hosting() == KindRules.ConsoleHosting.REMOTE) {
            return warnings;
        }
        for (ConsoleSpec console : consoles) {
            if (console.kind().network() && !loopback(console.host())) {
                warnings.add(root.file() + ": consoles." + console.name() + ".host: " + console.host()
                        + " is not a loopback address: other machines can reach this console and drive the agent");
            }
        }
        return warnings;
    }

    /** Decided without a name lookup: a name other than localhost may resolve to anything. */
    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** QEMU boots an agent image; a simulated target's agent is part of the simulation. */
    private static Optional<String> agentImage(YamlNode root, KindRules rules) {
        if (!rules.bootsAgentImage()) {
            if (root.optionalMapping("agent").isPresent()) {
                throw root.error("agent", "a target of kind " + root.string("kind") + " runs no agent image");
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

    private static List<ConsoleSpec> consoles(YamlNode root, TargetKind kind) {
        List<ConsoleSpec> consoles = new ArrayList<>();
        YamlNode section = root.mapping("consoles");
        for (Map.Entry<String, YamlNode> entry : root.mappings("consoles").entrySet()) {
            pathName(section, entry.getKey(), entry.getKey());
            consoles.add(ConsoleSection.read(entry.getKey(), entry.getValue(), kind));
        }
        if (consoles.isEmpty()) {
            throw root.error("consoles", "at least one console (the agent's) is needed");
        }
        return consoles;
    }

    private static Duration seconds(YamlNode timeouts, String field, Duration defaultValue) {
        int defaultSeconds = (int) defaultValue.toSeconds();
        int value = timeouts == null ? defaultSeconds : timeouts.allowOnly(TIMEOUT_FIELDS)
                .integer(field, defaultSeconds, 1, 86_400);
        return Duration.ofSeconds(value);
    }
}
