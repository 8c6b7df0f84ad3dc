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
import org.fwcts.targets.descriptor.YamlNode;

/**
 * Builds a board's {@link Power}, {@link Reset} and {@link Deploy} from its descriptor's
 * {@code board} section, each chosen by its {@code type} field. Building only validates; nothing
 * is switched, run or copied until the launcher asks. A new power switch is one class and one
 * entry in {@link #POWER_TYPES}.
 */
public final class BoardDrivers {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, Function<YamlNode, Power>> POWER_TYPES = Map.of(
            "pdudaemon", BoardDrivers::pduDaemon,
            "commands", BoardDrivers::commandPower);

    private BoardDrivers() {
    }

    /** The board section of a descriptor, validated. */
    public static BoardSettings read(YamlNode board) {
        board.allowOnly(Set.of("power", "reset", "deploy", "powerOffAtEnd"));
        Optional<Power> power = board.optionalMapping("power").map(BoardDrivers::power);
        Optional<Reset> reset = board.optionalMapping("reset").map(node -> reset(node, power, board));
        Deploy deploy = board.optionalMapping("deploy").map(BoardDrivers::deploy).orElse(image -> "not deployed (no deploy step)");
        String offAtEnd = board.optionalString("powerOffAtEnd").orElse("true");
        if (!offAtEnd.equals("true") && !offAtEnd.equals("false")) {
            throw board.error("powerOffAtEnd", "expected true or false, got '" + offAtEnd + "'");
        }
        return new BoardSettings(power, reset, deploy, Boolean.parseBoolean(offAtEnd));
    }

    private static Power power(YamlNode node) {
        String type = node.string("type");
        Function<YamlNode, Power> factory = POWER_TYPES.get(type);
        if (factory == null) {
            throw node.error("type", "unknown power type '" + type + "' (known: " + String.join(", ",
                    new TreeSet<>(POWER_TYPES.keySet())) + ")");
        }
        return factory.apply(node);
    }

    private static Power pduDaemon(YamlNode node) {
        node.allowOnly(Set.of("type", "url", "pdu", "outlet", "rebootDelaySeconds", "credentials"));
        String url = node.string("url");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw node.error("url", "not a URL: '" + url + "'");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw node.error("url", "expected http://host:port, got '" + url + "'");
        }
        node.string("outlet");
        return new PduDaemonPower(uri, node.string("pdu"), node.integer("outlet", 0, 0, 1024),
                Duration.ofSeconds(node.integer("rebootDelaySeconds", 5, 0, 600)), credential(node));
    }

    private static Power commandPower(YamlNode node) {
        node.allowOnly(Set.of("type", "on", "off", "cycle", "timeoutSeconds"));
        Duration timeout = timeout(node);
        return new CommandPower(command(node, "on", timeout), command(node, "off", timeout),
                node.optionalString("cycle").map(text -> new ShellCommand(node.file() + ": board.power.cycle", text, timeout)));
    }

    private static Reset reset(YamlNode node, Optional<Power> power, YamlNode board) {
        String type = node.string("type");
        switch (type) {
            case "power-cycle" -> {
                node.allowOnly(Set.of("type"));
                return new PowerCycleReset(power.orElseThrow(() -> node.error("type",
                        "power-cycle reset needs board.power")));
            }
            case "command" -> {
                node.allowOnly(Set.of("type", "command", "timeoutSeconds"));
                return new CommandReset(command(node, "command", timeout(node)));
            }
            default -> throw node.error("type", "unknown reset type '" + type + "' (known: command, power-cycle)");
        }
    }

    private static Deploy deploy(YamlNode node) {
        String type = node.string("type");
        switch (type) {
            case "folder" -> {
                node.allowOnly(Set.of("type", "folder", "fileName"));
                Path folder = node.optionalPath("folder").orElseThrow(() -> node.error("folder", "missing field"));
                return new FolderDeploy(folder, node.optionalString("fileName").orElse("fwcts-agent.bin"));
            }
            case "command" -> {
                node.allowOnly(Set.of("type", "command", "timeoutSeconds"));
                ShellCommand command = command(node, "command", timeout(node));
                if (!command.template().contains("{image}")) {
                    throw node.error("command", "must contain {image}, which becomes the image's path");
                }
                return new CommandDeploy(command);
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

    private static ShellCommand command(YamlNode node, String field, Duration timeout) {
        return new ShellCommand(node.file() + ": " + node.path(field), node.string(field), timeout);
    }

    private static Duration timeout(YamlNode node) {
        return Duration.ofSeconds(node.integer("timeoutSeconds", (int) COMMAND_TIMEOUT.toSeconds(), 1, 3600));
    }
}
