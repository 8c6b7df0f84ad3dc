package org.fwcts.targets.fvp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.fwcts.targets.OutputTail;

/**
 * Reads a model terminal nobody else reads, so that its UART never stalls the model (an FVP
 * blocks when a UART's output has nowhere to go), keeping its last lines for diagnostics.
 */
final class TerminalDrain implements AutoCloseable {
    private static final int CONNECT_ATTEMPTS = 50;
    private static final int CONNECT_PAUSE_MILLIS = 100;

    private final String label;
    private volatile Socket socket;
    private volatile OutputTail tail;
    private volatile String problem;
    private volatile boolean closed;
    private final java.util.function.Consumer<String> lines;

    /** Drains the terminal at {@code host:port}, handing each line it reads to {@code lines}. */
    TerminalDrain(String label, String host, int port, java.util.function.Consumer<String> lines) {
        this.label = label;
        this.lines = lines;
        Thread connector = new Thread(() -> connect(host, port), "fvp-drain-" + label);
        connector.setDaemon(true);
        connector.start();
    }

    private void connect(String host, int port) {
        for (int attempt = 0; attempt < CONNECT_ATTEMPTS && !closed; attempt++) {
            try {
                Socket connected = new Socket();
                connected.setTcpNoDelay(true);
                connected.connect(new InetSocketAddress(host, port), 1000);
                socket = connected;
                tail = new OutputTail(connected.getInputStream(), "fvp-terminal-" + label, lines);
                return;
            } catch (IOException e) {
                problem = "not drained: cannot connect to " + host + ":" + port + ": " + e.getMessage();
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(CONNECT_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The terminal's last lines, or why it could not be read. */
    String text() {
        OutputTail current = tail;
        if (current != null) {
            return current.text();
        }
        return problem != null ? problem : "(not connected yet)";
    }

    String label() {
        return label;
    }

    @Override
    public void close() {
        closed = true;
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // Closing on the way out; the model is being stopped anyway.
            }
        }
    }
}
