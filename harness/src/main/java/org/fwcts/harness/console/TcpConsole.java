package org.fwcts.harness.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** A raw TCP connection to a console server or an emulator's socket. */
final class TcpConsole implements Console {
    private final String name;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    TcpConsole(String name, Socket socket) throws IOException {
        this.name = name;
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket that failed already leaves nothing to release.
        }
    }
}
