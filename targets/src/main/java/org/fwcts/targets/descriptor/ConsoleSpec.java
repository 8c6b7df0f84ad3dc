package org.fwcts.targets.descriptor;

import java.time.Duration;
import java.util.Optional;
import org.fwcts.targets.SerialLine;

/**
 * One console of a target, as its descriptor names it.
 *
 * @param name the console's role, e.g. {@code agent}
 * @param kind how the harness reaches it
 * @param host the address a network console listens on; loopback unless the descriptor says otherwise
 * @param port a fixed TCP port, or 0 to take a free one at launch
 * @param device the serial device of a {@link Kind#SERIAL} console
 * @param line the framing of a {@link Kind#SERIAL} console
 * @param reconnect how long the harness keeps trying to reopen the console when it vanishes
 *        mid-run (USB re-enumeration, a console server restart); zero: never
 * @param terminal the FVP terminal component serving this console ({@code terminal_0}); FVP targets only
 */
public record ConsoleSpec(String name, Kind kind, String host, int port, Optional<String> device, SerialLine line,
        Duration reconnect, Optional<String> terminal) {

    /** How a console is carried. */
    public enum Kind {
        /** The launched process's standard input and output. */
        STDIO,
        /** A raw TCP socket. */
        TCP,
        /** A telnet server (RFC 854 negotiation). */
        TELNET,
        /** A pseudo-terminal opened as a serial port. */
        PTY,
        /** A serial device on this host, e.g. a USB UART wired to a board. */
        SERIAL;

        /** True for the kinds reached over TCP. */
        public boolean network() {
            return this == TCP || this == TELNET;
        }
    }

    public static final String LOOPBACK = "127.0.0.1";

    /** A console the launcher creates, without serial settings or reconnection. */
    public ConsoleSpec(String name, Kind kind, String host, int port) {
        this(name, kind, host, port, Optional.empty(), SerialLine.DEFAULT, Duration.ZERO, Optional.empty());
    }

    /** This console on {@code newPort}. */
    public ConsoleSpec withPort(int newPort) {
        return new ConsoleSpec(name, kind, host, newPort, device, line, reconnect, terminal);
    }
}
