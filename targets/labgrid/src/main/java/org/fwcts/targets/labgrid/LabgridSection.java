package org.fwcts.targets.labgrid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.fwcts.targets.board.BoardSection;
import org.fwcts.targets.board.DeploySettings;
import org.fwcts.targets.descriptor.YamlNode;

/** Reads a descriptor's {@code labgrid} section into {@link LabgridSettings}; reading contacts nothing. */
final class LabgridSection {
    /** labgrid's coordinator listens here unless told otherwise. */
    static final int DEFAULT_COORDINATOR_PORT = 20408;
    private static final Pattern ADDRESS = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9_.-]+)(:([0-9]{1,5}))?");
    /** labgrid splits an identity at its one slash into host and user. */
    private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9_.@+-]+/[A-Za-z0-9_.@+-]+");
    /** Tag keys and values as labgrid's coordinator accepts them in a reservation filter. */
    private static final Pattern TAG_KEY = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern TAG_VALUE = Pattern.compile("[a-z0-9_.:-]*");

    private LabgridSection() {
    }

    static LabgridSettings read(YamlNode descriptor) {
        refuseConsoleAddresses(descriptor);
        YamlNode node = descriptor.mapping("labgrid");
        node.allowOnly(Set.of("coordinator", "place", "tags", "identity", "acquireTimeoutSeconds", "takeOverStale",
                "deploy", "powerOffAtEnd"));
        Optional<String> place = node.optionalString("place");
        Map<String, String> tags = node.stringMap("tags");
        if (place.isPresent() == !tags.isEmpty()) {
            throw node.error("place", "give exactly one of place (a place's name) and tags (tag: value pairs a place"
                    + " must carry)");
        }
        tags.forEach((key, value) -> {
            if (!TAG_KEY.matcher(key).matches() || !TAG_VALUE.matcher(value).matches()) {
                throw node.error("tags", "'" + key + ": " + value + "' is not a tag the coordinator accepts (keys"
                        + " [a-z][a-z0-9_]*, values [a-z0-9_.:-]*)");
            }
        });
        String identity = node.optionalString("identity").orElseGet(LabgridSection::defaultIdentity);
        if (!IDENTITY.matcher(identity).matches()) {
            throw node.error("identity", "expected host/name (one slash), got '" + identity + "'");
        }
        DeploySettings deploy = node.optionalMapping("deploy").map(BoardSection::deploy).orElse(new DeploySettings.None());
        return new LabgridSettings(node.file(), coordinator(node), place, tags, identity,
                Duration.ofSeconds(node.integer("acquireTimeoutSeconds", 600, 0, 7 * 86_400)),
                bool(node, "takeOverStale", false), deploy, bool(node, "powerOffAtEnd", false));
    }

    /** A place's console is wherever its exporter serves it once acquired; the descriptor cannot know. */
    private static void refuseConsoleAddresses(YamlNode descriptor) {
        descriptor.optionalMapping("consoles").ifPresent(consoles -> {
            for (String name : consoles.fieldNames()) {
                YamlNode console = consoles.mapping(name);
                for (String field : new String[] {"host", "port"}) {
                    if (console.optionalString(field).isPresent()) {
                        throw console.error(field, "a labgrid place's console address comes from its"
                                + " NetworkSerialPort resource when the place is acquired; leave " + field + " out");
                    }
                }
            }
        });
    }

    private static String coordinator(YamlNode node) {
        String address = node.string("coordinator");
        var matcher = ADDRESS.matcher(address);
        if (!matcher.matches()) {
            throw node.error("coordinator", "expected host or host:port, got '" + address + "'");
        }
        int port = matcher.group(3) == null ? DEFAULT_COORDINATOR_PORT : Integer.parseInt(matcher.group(3));
        if (port < 1 || port > 65535) {
            throw node.error("coordinator", "port " + port + " is out of range 1-65535");
        }
        return matcher.group(1) + ":" + port;
    }

    private static boolean bool(YamlNode node, String field, boolean defaultValue) {
        String text = node.optionalString(field).orElse(Boolean.toString(defaultValue));
        if (!text.equals("true") && !text.equals("false")) {
            throw node.error(field, "expected true or false, got '" + text + "'");
        }
        return Boolean.parseBoolean(text);
    }

    /**
     * {@code host/fwcts-user}, in labgrid's {@code host/user} shape but never equal to the user's own
     * labgrid-client identity, so a place FWCTS left acquired is told apart from one its user holds.
     */
    static String defaultIdentity() {
        String host = Optional.ofNullable(System.getenv("LG_HOSTNAME")).orElseGet(LabgridSection::hostName);
        String user = System.getProperty("user.name", "user");
        return clean(host) + "/fwcts-" + clean(user);
    }

    /** Read from the kernel, not resolved: a name lookup may hang where the host name does not resolve. */
    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }

    private static String clean(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9_.@+-]", "_");
        return cleaned.isEmpty() ? "unknown" : cleaned;
    }
}
