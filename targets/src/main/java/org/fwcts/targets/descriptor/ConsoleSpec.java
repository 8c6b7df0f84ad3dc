package org.fwcts.targets.descriptor;

/**
 * One console of a target, as its descriptor names it.
 *
 * @param name the console's role, e.g. {@code agent}
 * @param kind how the harness reaches it
 * @param host the address a network console listens on; loopback unless the descriptor says otherwise
 * @param port a fixed TCP port, or 0 to take a free one at launch
 */
public record ConsoleSpec(String name, Kind kind, String host, int port) {

    /** How a console is carried. */
    public enum Kind {
        /** The launched process's standard input and output. */
        STDIO,
        /** A raw TCP socket. */
        TCP,
        /** A telnet server (RFC 854 negotiation). */
        TELNET,
        /** A pseudo-terminal opened as a serial port. */
        PTY
    }

    public static final String LOOPBACK = "127.0.0.1";
}
