package org.fwcts.targets.board;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.fwcts.targets.descriptor.YamlNode;

/**
 * Reads a descriptor's {@code board} section into {@link BoardSettings}, each part chosen by its
 * {@code type} field. Reading only validates; nothing is switched, run or copied. A new power
 * switch is a {@link PowerSettings} record, its reader in {@link #POWER_TYPES} and its driver in
 * {@link BoardDrivers}.
 */
public final class BoardSection {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, Function<YamlNode, PowerSettings>> POWER_TYPES = Map.of(
            "pdudaemon", BoardSection::pduDaemon,
            "commands", BoardSection::commandPower);
    /** A file name with no folder part, so a copy cannot land outside the deploy folder. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9._+-]{0,127}");
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/?#]*@");

    private BoardSection() {
    }

    /** The board section of {@code board} (an empty mapping when the descriptor has none), validated. */
    static BoardSettings read(YamlNode board) {
        board.allowOnly(Set.of("power", "reset", "deploy", "powerOffAtEnd"));
        Optional<PowerSettings> power = board.optionalMapping("power").map(BoardSection::power);
        Optional<ResetSettings> reset = board.optionalMapping("reset").map(node -> reset(node, power));
        DeploySettings deploy = board.optionalMapping("deploy").map(BoardSection::deploy)
                .orElse(new DeploySettings.None());
        String offAtEnd = board.optionalString("powerOffAtEnd").orElse("true");
        if (!offAtEnd.equals("true") && !offAtEnd.equals("false")) {
            throw board.error("powerOffAtEnd", "expected true or false, got '" + offAtEnd + "'");
        }
        return new BoardSettings(power, reset, deploy, Boolean.parseBoolean(offAtEnd));
    }

    /** {@code url} with any user and password replaced, for messages. */
    static String withoutUserInfo(String url) {
        return USER_INFO.matcher(url).replaceFirst("…@");
    }

    private static PowerSettings power(YamlNode node) {
        String type = node.string("type");
        Function<YamlNode, PowerSettings> reader = POWER_TYPES.get(type);
        if (reader == null) {
            throw node.error("type", "unknown power type '" + type + "' (known: " + String.join(", ",
                    new TreeSet<>(POWER_TYPES.keySet())) + ")");
        }
        return reader.apply(node);
    }

    private static PowerSettings pduDaemon(YamlNode node) {
        node.allowOnly(Set.of("type", "url", "pdu", "outlet", "rebootDelaySeconds", "credentials"));
        String url = node.string("url");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw node.error("url", "not a URL: '" + withoutUserInfo(url) + "'");
        }
        if (uri.getRawUserInfo() != null) {
            // A URL is printed in errors and logs; a password in it would be too.
            throw node.error("url", "must not carry a user or password ('" + withoutUserInfo(url)
                    + "'): name them in board.power.credentials");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw node.error("url", "expected http://host:port, got '" + withoutUserInfo(url) + "'");
        }
        node.string("outlet");
        return new PowerSettings.PduDaemon(uri, node.string("pdu"), node.integer("outlet", 0, 0, 1024),
                Duration.ofSeconds(node.integer("rebootDelaySeconds", 5, 0, 600)), credential(node));
    }

    private static PowerSettings commandPower(YamlNode node) {
        node.allowOnly(Set.of("type", "on", "off", "cycle", "timeoutSeconds"));
        Duration timeout = timeout(node);
        return new PowerSettings.Commands(command(node, "on", timeout), command(node, "off", timeout),
                node.optionalString("cycle").map(text -> command(node, "cycle", timeout)));
    }

    private static ResetSettings reset(YamlNode node, Optional<PowerSettings> power) {
        String type = node.string("type");
        switch (type) {
            case "power-cycle" -> {
                node.allowOnly(Set.of("type"));
                if (power.isEmpty()) {
                    throw node.error("type", "power-cycle reset needs board.power");
                }
                return new ResetSettings.PowerCycle();
            }
            case "command" -> {
                node.allowOnly(Set.of("type", "command", "timeoutSeconds"));
                return new ResetSettings.Command(command(node, "command", timeout(node)));
            }
            default -> throw node.error("type", "unknown reset type '" + type + "' (known: command, power-cycle)");
        }
    }

    /** A {@code deploy} mapping (a board's, or another kind's that deploys the same ways), validated. */
    public static DeploySettings deploy(YamlNode node) {
        String type = node.string("type");
        switch (type) {
            case "folder" -> {
                node.allowOnly(Set.of("type", "folder", "fileName"));
                Path folder = node.optionalPath("folder").orElseThrow(() -> node.error("folder", "missing field"));
                String fileName = node.optionalString("fileName").orElse("fwcts-agent.bin");
                if (!FILE_NAME.matcher(fileName).matches()) {
                    throw node.error("fileName", "expected a plain file name (letters, digits, . _ + -; no folder"
                            + " part, not . or ..), got '" + fileName + "'");
                }
                return new DeploySettings.Folder(folder, fileName);
            }
            case "command" -> {
                node.allowOnly(Set.of("type", "command", "timeoutSeconds"));
                ShellCommand command = command(node, "command", timeout(node));
                if (!command.template().contains("{image}")) {
                    throw node.error("command", "must contain {image}, which becomes the image's path");
                }
                return new DeploySettings.Command(command);
            }
            default -> throw node.error("type", "unknown deploy type '" + type + "' (known: command, folder)");
        }
    }

    private static Optional<Credential> credential(YamlNode node) {
        return node.optionalMapping("credentials").map(secret -> {
            secret.allowOnly(Set.of("env", "file"));
            Optional<String> variable = secret.optionalString("env");
            Optional<Path> file = secret.optionalPath("file");
            if (variable.isPresent() == file.isPresent()) {
                throw secret.error("env", "give exactly one of env (a variable name) and file (a path outside the descriptor)");
            }
            return new Credential(variable.orElse(null), file.orElse(null));
        });
    }

    /** A shell command; its {@code ${VARIABLE}}s were checked at load and are left for the shell to expand. */
    private static ShellCommand command(YamlNode node, String field, Duration timeout) {
        return new ShellCommand(node.file() + ": " + node.path(field), node.verbatim(field), timeout);
    }

    private static Duration timeout(YamlNode node) {
        return Duration.ofSeconds(node.integer("timeoutSeconds", (int) COMMAND_TIMEOUT.toSeconds(), 1, 3600));
    }
}
