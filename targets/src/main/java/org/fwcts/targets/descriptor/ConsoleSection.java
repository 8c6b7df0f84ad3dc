package org.fwcts.targets.descriptor;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.fwcts.targets.SerialLine;
import org.fwcts.targets.spi.KindRules;
import org.fwcts.targets.spi.TargetKind;

/**
 * Reads one entry of a descriptor's {@code consoles} under the rules of the target's kind:
 * which console kinds it can have, a serial device's framing, fixed or automatic ports or model
 * terminals, and how long to try reconnecting.
 */
final class ConsoleSection {
    private ConsoleSection() {
    }

    static ConsoleSpec read(String name, YamlNode node, TargetKind targetKind) {
        KindRules rules = targetKind.rules();
        node.allowOnly(Set.of("kind", "host", "port", "device", "baud", "parity", "flowControl", "reconnectSeconds",
                "terminal"));
        ConsoleSpec.Kind kind = kind(node, targetKind);
        Optional<String> terminal = terminal(node, rules);
        Optional<String> device = node.optionalString("device");
        if (kind == ConsoleSpec.Kind.SERIAL && device.isEmpty()) {
            throw node.error("device", "missing field (a serial console names its device, e.g. /dev/ttyUSB0)");
        }
        if (kind != ConsoleSpec.Kind.SERIAL) {
            for (String serialOnly : new String[] {"device", "baud", "parity", "flowControl"}) {
                if (node.optionalString(serialOnly).isPresent()) {
                    throw node.error(serialOnly, "only a serial console takes " + serialOnly);
                }
            }
        }
        SerialLine line = new SerialLine(node.integer("baud", SerialLine.DEFAULT.baudRate(), 50, 12_000_000),
                choice(node, "parity", SerialLine.Parity.class, SerialLine.Parity.NONE),
                choice(node, "flowControl", SerialLine.FlowControl.class, SerialLine.FlowControl.NONE));
        int port = port(node, kind, rules);
        int reconnect = node.integer("reconnectSeconds", (int) rules.consoleReconnect().toSeconds(), 0, 86_400);
        return new ConsoleSpec(name, kind, node.optionalString("host").orElse(ConsoleSpec.LOOPBACK), port, device, line,
                Duration.ofSeconds(reconnect), terminal);
    }

    /**
     * An FVP console is one of the model's terminal components, named as the model announces it
     * ({@code terminal_0}); the model picks its port, so the descriptor gives none.
     */
    private static Optional<String> terminal(YamlNode node, KindRules rules) {
        Optional<String> terminal = node.optionalString("terminal");
        if (rules.hosting() != KindRules.ConsoleHosting.MODEL_TERMINAL) {
            if (terminal.isPresent()) {
                throw node.error("terminal", "only a console of an FVP target names a model terminal");
            }
            return terminal;
        }
        if (terminal.isEmpty()) {
            throw node.error("terminal", "missing field (the model terminal serving this console, e.g. terminal_0)");
        }
        if (!terminal.get().matches("[A-Za-z0-9_.]+")) {
            throw node.error("terminal", "expected a terminal name such as terminal_0, got '" + terminal.get() + "'");
        }
        if (node.optionalString("port").isPresent()) {
            throw node.error("port", "an FVP terminal's port is the one the model announces; set"
                    + " fvp.parameters bp.<terminal>.start_port to steer it");
        }
        return terminal;
    }

    private static ConsoleSpec.Kind kind(YamlNode node, TargetKind targetKind) {
        String text = node.string("kind");
        List<ConsoleSpec.Kind> allowed = targetKind.rules().consoleKinds();
        Optional<ConsoleSpec.Kind> kind = SerialLine.parse(ConsoleSpec.Kind.class, text).filter(allowed::contains);
        String forKind = allowed.equals(KindRules.EMULATOR_CONSOLES) ? "" : " for a " + targetKind.name();
        return kind.orElseThrow(() -> node.error("kind", "unknown console kind '" + text + "' (known" + forKind
                + ": " + String.join(", ", allowed.stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toList()) + ")"));
    }

    /** A board's network console is a server somewhere else: its port is fixed, never "auto". */
    private static int port(YamlNode node, ConsoleSpec.Kind kind, KindRules rules) {
        String port = node.optionalString("port").orElse("auto");
        if (port.equals("auto")) {
            if (rules.hosting() == KindRules.ConsoleHosting.REMOTE && kind.network()) {
                throw node.error("port", "a board's network console needs its console server's port number");
            }
            return 0;
        }
        return node.integer("port", 0, 1, 65535);
    }

    private static <E extends Enum<E>> E choice(YamlNode node, String field, Class<E> type, E defaultValue) {
        return node.optionalString(field).map(text -> SerialLine.parse(type, text).orElseThrow(() -> node.error(field,
                "expected one of " + String.join(", ", Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT)).toList()) + ", got '" + text + "'")))
                .orElse(defaultValue);
    }
}
