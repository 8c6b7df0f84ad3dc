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
        client.connect(host, port);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream input() {
        return client.getInputStream();
    }

    @Override
    public OutputStream output() {
        return client.getOutputStream();
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
