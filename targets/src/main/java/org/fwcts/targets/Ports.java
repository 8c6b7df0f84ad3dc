package org.fwcts.targets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Chooses and checks TCP ports for consoles. */
public final class Ports {
    private Ports() {
    }

    /** A port that is free on {@code host} right now. */
    public static int free(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new TargetException("cannot find a free TCP port on " + host + ": " + e.getMessage(), e);
        }
    }

    /** True when nothing listens on {@code host:port} and it can be bound. */
    public static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
