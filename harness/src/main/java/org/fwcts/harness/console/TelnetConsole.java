package org.fwcts.harness.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.commons.net.telnet.InvalidTelnetOptionException;
import org.apache.commons.net.telnet.SimpleOptionHandler;
import org.apache.commons.net.telnet.SuppressGAOptionHandler;
import org.apache.commons.net.telnet.TelnetClient;
import org.apache.commons.net.telnet.TelnetOption;

/**
 * A telnet console (a console server such as ser2net, or an emulator's telnet socket) through
 * Apache Commons Net. Binary mode both ways, so the agent's bytes pass untranslated.
 */
final class TelnetConsole implements Console {
    private final String name;
    private final TelnetClient client;

    TelnetConsole(String name, String host, int port, int connectTimeoutMillis) throws IOException {
        this.name = name;
        this.client = new TelnetClient();
        try {
            client.addOptionHandler(new SimpleOptionHandler(TelnetOption.BINARY, true, true, true, true));
            client.addOptionHandler(new SuppressGAOptionHandler(true, true, true, true));
        } catch (InvalidTelnetOptionException e) {
            throw new IOException("telnet option rejected: " + e.getMessage(), e);
        }
        client.setConnectTimeout(connectTimeoutMillis);
        // The console's own reader thread reads the stream: a second thread inside Commons Net
        // only adds a hand-over (and its latency) to every line.
        client.setReaderThread(false);
        client.connect(host, port);
        // Request and reply lines are short: with Nagle's algorithm on, each waits for a delayed ACK.
        client.setTcpNoDelay(true);
    }

    @Override
    public String name() {
        return name;
    }

    /** Commons Net hands out no streams once the connection is gone: that reads as end of stream. */
    @Override
    public InputStream input() {
        InputStream in = client.getInputStream();
        return in != null ? in : InputStream.nullInputStream();
    }

    /**
     * Once the connection is gone, writing fails as a dropped socket's write would. Commons Net's
     * stream throws NullPointerException when the connection drops under a write (its socket stream
     * is cleared); that is the same dropped connection, reported as an IOException.
     */
    @Override
    public OutputStream output() {
        OutputStream out = client.getOutputStream();
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                try {
                    if (out == null) {
                        throw closed();
                    }
                    out.write(bytes, offset, length);
                } catch (NullPointerException e) {
                    throw closed();
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    if (out != null) {
                        out.flush();
                    }
                } catch (NullPointerException e) {
                    throw closed();
                }
            }
        };
    }

    private IOException closed() {
        return new IOException("telnet connection to console '" + name + "' closed");
    }

    @Override
    public void close() {
        try {
            client.disconnect();
        } catch (IOException e) {
            // The connection is gone already.
        }
    }
}
