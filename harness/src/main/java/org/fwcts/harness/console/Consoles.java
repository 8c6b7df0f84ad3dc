package org.fwcts.harness.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Supplier;
import org.fwcts.targets.ConsoleEndpoint;

/** Opens the {@link Console} that fits a target's console endpoint. */
public final class Consoles {
    /**
     * Between attempts to connect: short, since a launched emulator that waits for its consoles
     * listens within milliseconds and holds the machine until each is connected.
     */
    private static final int RETRY_MILLIS = 10;

    private Consoles() {
    }

    /**
     * Connects to {@code endpoint}, retrying until {@code timeout} passes (an emulator may not
     * be listening yet; a board's USB UART appears only once the board has power).
     */
    public static Console open(ConsoleEndpoint endpoint, Duration timeout) throws IOException {
        if (endpoint instanceof ConsoleEndpoint.ProcessStdio stdio) {
            return new ProcessConsole(stdio.name(), stdio.fromTarget(), stdio.toTarget());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return connect(endpoint, (int) Math.max(1, Math.min(timeout.toMillis(), Integer.MAX_VALUE)));
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("cannot open console '" + endpoint.name() + "' at " + where(endpoint)
                            + " within " + timeout.toSeconds() + " s: " + e.getMessage(), e);
                }
                sleep();
            }
        }
    }

    /**
     * Like {@link #open(ConsoleEndpoint, Duration)}, but when {@code reconnect} is positive the
     * console survives its device or server vanishing: it is reopened within {@code reconnect}.
     */
    public static Console open(ConsoleEndpoint endpoint, Duration timeout, Duration reconnect) throws IOException {
        if (reconnect.isZero() || endpoint instanceof ConsoleEndpoint.ProcessStdio) {
            return open(endpoint, timeout);
        }
        return new ReconnectingConsole(endpoint.name(), () -> open(endpoint, reconnect), open(endpoint, timeout));
    }

    /**
     * Like {@link #open(ConsoleEndpoint, Duration, Duration)}, but each reopening asks {@code current}
     * where the console is now: a farm's console server comes back on a new port when the board's
     * place is acquired again.
     */
    public static Console open(Supplier<ConsoleEndpoint> current, Duration timeout, Duration reconnect) throws IOException {
        ConsoleEndpoint endpoint = current.get();
        if (reconnect.isZero() || endpoint instanceof ConsoleEndpoint.ProcessStdio) {
            return open(endpoint, timeout);
        }
        return new ReconnectingConsole(endpoint.name(), () -> open(now(current), reconnect), open(endpoint, timeout));
    }

    private static ConsoleEndpoint now(Supplier<ConsoleEndpoint> current) throws IOException {
        try {
            return current.get();
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String where(ConsoleEndpoint endpoint) {
        if (endpoint instanceof ConsoleEndpoint.Network network) {
            return network.host() + ":" + network.port();
        }
        return ((ConsoleEndpoint.Serial) endpoint).device();
    }

    private static Console connect(ConsoleEndpoint endpoint, int timeoutMillis) throws IOException {
        if (endpoint instanceof ConsoleEndpoint.Serial serial) {
            return new SerialConsole(serial.name(), serial.device(), serial.line());
        }
        ConsoleEndpoint.Network network = (ConsoleEndpoint.Network) endpoint;
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
