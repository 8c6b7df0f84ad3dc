package org.fwcts.targets.spi;

import java.time.Duration;
import java.util.List;
import org.fwcts.targets.descriptor.ConsoleSpec;

/**
 * What a target kind's descriptors may say outside the kind's own section, and the defaults they
 * get. Start from {@link #launched}, {@link #remote} or {@link #modelTerminals} and name the
 * differences with the {@code with…} methods.
 *
 * @param consoleKinds the console kinds the kind can serve, in the order errors list them
 * @param hosting who serves the consoles, which decides port and host rules
 * @param consoleReconnect how long a console is reopened after it vanishes, unless the descriptor says
 * @param bootsAgentImage whether the descriptor names an agent image ({@code agent.image})
 * @param simulation whether the kind's results are a simulation, never conformance results
 * @param bootTimeout the boot time-out unless the descriptor says
 * @param commandTimeout the command time-out unless the descriptor says
 */
public record KindRules(List<ConsoleSpec.Kind> consoleKinds, ConsoleHosting hosting, Duration consoleReconnect,
        boolean bootsAgentImage, boolean simulation, Duration bootTimeout, Duration commandTimeout) {

    /** The consoles a launched emulator offers. */
    public static final List<ConsoleSpec.Kind> EMULATOR_CONSOLES = List.of(ConsoleSpec.Kind.STDIO, ConsoleSpec.Kind.TCP,
            ConsoleSpec.Kind.TELNET, ConsoleSpec.Kind.PTY);
    private static final Duration BOOT = Duration.ofSeconds(30);
    private static final Duration COMMAND = Duration.ofSeconds(5);

    /** Who serves a kind's consoles. */
    public enum ConsoleHosting {
        /** A process the harness launches: ports may be "auto"; a bind beyond loopback is warned about. */
        LAUNCHED,
        /** Servers or devices elsewhere (a board's console server): network ports are fixed numbers. */
        REMOTE,
        /** Terminals of a launched model, named in {@code terminal}; the model picks and announces their ports. */
        MODEL_TERMINAL
    }

    public KindRules {
        consoleKinds = List.copyOf(consoleKinds);
    }

    /** A target the harness launches, booting an agent image, with QEMU's time-outs. */
    public static KindRules launched(List<ConsoleSpec.Kind> consoleKinds) {
        return new KindRules(consoleKinds, ConsoleHosting.LAUNCHED, Duration.ZERO, true, false, BOOT, COMMAND);
    }

    /** A target whose consoles are served elsewhere. */
    public static KindRules remote(List<ConsoleSpec.Kind> consoleKinds) {
        return new KindRules(consoleKinds, ConsoleHosting.REMOTE, Duration.ZERO, true, false, BOOT, COMMAND);
    }

    /** A launched model whose consoles are its named terminals. */
    public static KindRules modelTerminals(List<ConsoleSpec.Kind> consoleKinds) {
        return new KindRules(consoleKinds, ConsoleHosting.MODEL_TERMINAL, Duration.ZERO, true, false, BOOT, COMMAND);
    }

    public KindRules withConsoleReconnect(Duration reconnect) {
        return new KindRules(consoleKinds, hosting, reconnect, bootsAgentImage, simulation, bootTimeout, commandTimeout);
    }

    public KindRules withTimeouts(Duration boot, Duration command) {
        return new KindRules(consoleKinds, hosting, consoleReconnect, bootsAgentImage, simulation, boot, command);
    }

    /** A simulation: no agent image, and results that are never conformance results. */
    public KindRules asSimulation() {
        return new KindRules(consoleKinds, hosting, consoleReconnect, false, true, bootTimeout, commandTimeout);
    }
}
