package org.fwcts.targets.qemu;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Resets a running QEMU machine through its QMP socket: a cold reset of every CPU and device, as a
 * board's reset line gives, with the firmware booting again from its reset vector in the same
 * process. QEMU runs with {@code -no-reboot} (a reset the firmware asks for ends the process, so a
 * firmware that resets by itself is seen), so the reset is asked for with the reboot action set to
 * "reset" and the action put back at once: QEMU decides at the request, not when it acts.
 */
final class QmpReset {
    /** A unix socket's path is at most 108 bytes on Linux, the terminating NUL included. */
    static final int MAX_PATH_BYTES = 107;
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);

    private final Path socket;

    QmpReset(Path socket) {
        this.socket = socket;
    }

    Path socket() {
        return socket;
    }

    /** Resets the machine; false (the machine untouched or in an unknown state) when QMP did not accept every command. */
    boolean reset() {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            Replies replies = new Replies(channel);
            if (!replies.next().contains("\"QMP\"")) {
                return false;
            }
            return command(channel, replies, "{\"execute\":\"qmp_capabilities\"}")
                    && command(channel, replies, "{\"execute\":\"set-action\",\"arguments\":{\"reboot\":\"reset\"}}")
                    && command(channel, replies, "{\"execute\":\"system_reset\"}")
                    & command(channel, replies, "{\"execute\":\"set-action\",\"arguments\":{\"reboot\":\"shutdown\"}}");
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends one command; true when QEMU returned (events on the way are skipped). */
    private static boolean command(SocketChannel channel, Replies replies, String json) throws IOException {
        ByteBuffer out = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            channel.write(out);
        }
        while (true) {
            String reply = replies.next();
            if (reply.startsWith("{\"return\"")) {
                return true;
            }
            if (reply.startsWith("{\"error\"")) {
                return false;
            }
        }
    }

    /** QMP's replies, one JSON object a line, read with a deadline per line. */
    private static final class Replies {
        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocate(8192);
        private final StringBuilder pending = new StringBuilder();

        Replies(SocketChannel channel) throws IOException {
            this.channel = channel;
            channel.configureBlocking(false);
        }

        String next() throws IOException {
            long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
            while (true) {
                int newline = pending.indexOf("\n");
                if (newline >= 0) {
                    String line = pending.substring(0, newline).trim();
                    pending.delete(0, newline + 1);
                    return line;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("QMP did not answer within " + REPLY_TIMEOUT.toSeconds() + " s");
                }
                in.clear();
                int read = channel.read(in);
                if (read < 0) {
                    throw new IOException("QMP closed its socket");
                }
                if (read == 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                    continue;
                }
                pending.append(new String(in.array(), 0, read, StandardCharsets.UTF_8));
            }
        }
    }
}
