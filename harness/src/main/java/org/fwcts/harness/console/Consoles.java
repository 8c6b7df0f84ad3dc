package org.fwcts.harness.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.fwcts.targets.ConsoleEndpoint;

/** Opens the {@link Console} that fits a target's console endpoint. */
public final class Consoles {
    private static final int RETRY_MILLIS = 50;

    private Consoles() {
    }

    /**
     * Connects to {@code endpoint}, retrying network connections until {@code timeout} passes
     * (an emulator may not be listening yet).
     */
    public static Console open(ConsoleEndpoint endpoint, Duration timeout) throws IOException {
        if (endpoint instanceof ConsoleEndpoint.ProcessStdio stdio) {
            return new ProcessConsole(stdio.name(), stdio.fromTarget(), stdio.toTarget());
        }
        if (endpoint instanceof ConsoleEndpoint.Serial serial) {
            return new SerialConsole(serial.name(), serial.device(), serial.baudRate());
        }
        ConsoleEndpoint.Network network = (ConsoleEndpoint.Network) endpoint;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return connect(network, (int) Math.max(1, timeout.toMillis()));
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("cannot connect to console '" + network.name() + "' at " + network.host() + ":"
                            + network.port() + " within " + timeout.toSeconds() + " s: " + e.getMessage(), e);
                }
                sleep();
            }
        }
    }

    private static Console connect(ConsoleEndpoint.Network network, int timeoutMillis) throws IOException {
        if (network.telnet()) {
            return new TelnetConsole(network.name(), network.host(), network.port(), timeoutMillis);
        }
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(network.host(), network.port()), timeoutMillis);
            return new TcpConsole(network.name(), socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting", e);
        }
    }
}
