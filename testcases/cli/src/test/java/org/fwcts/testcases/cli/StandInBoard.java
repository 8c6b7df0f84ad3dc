package org.fwcts.testcases.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fwcts.targets.Executables;
import org.fwcts.targets.Ports;
import org.fwcts.targets.ProcessReaper;

/**
 * A stand-in for a physical board, built from real host tools so that the board target's own
 * code runs unchanged: QEMU {@code virt} running the agent plays the board; {@code socat} turns
 * QEMU's UART into a pseudo-terminal, playing the board's USB UART; {@code ser2net} plays a
 * console server; {@code pdudaemon} with its {@code localcmdline} driver plays a network power
 * switch whose outlet starts and stops the QEMU. It is not a board: timing, electrical
 * behaviour and real firmware are out of its reach.
 */
final class StandInBoard implements AutoCloseable {
    static final String PDU_NAME = "standin-pdu";
    /** How long a tool may take to start on a loaded machine; each wait ends once it has. */
    private static final Duration TOOL_START = Duration.ofSeconds(60);

    final Path dir;
    final Path uart;
    final Path tftp;
    final Path powerOn;
    final Path powerOff;
    private final Path startUart;
    private final Path stopUart;
    private final List<Process> daemons = new ArrayList<>();
    private Process ser2net;
    private int ser2netPort;

    StandInBoard(Path dir) throws IOException {
        this.dir = dir;
        this.uart = dir.resolve("ttyBOARD");
        this.tftp = Files.createDirectories(dir.resolve("tftp"));
        int qemuPort = Ports.free("127.0.0.1");
        String qemu = "qemu-system-aarch64 -machine virt,virtualization=on,gic-version=3 -cpu cortex-a57 -m 512M"
                + " -nodefaults -display none -monitor none -no-reboot -daemonize -pidfile " + dir.resolve("qemu.pid")
                + " -chardev socket,id=uart0,host=127.0.0.1,port=" + qemuPort + ",server=on,wait=off -serial chardev:uart0"
                + " -kernel " + tftp.resolve("fwcts-agent.bin");
        // The board's USB UART: a pseudo-terminal whose other end is QEMU's UART socket.
        startUart = script("uart-plug.sh", "setsid socat pty,raw,echo=0,link=" + uart + " tcp:127.0.0.1:" + qemuPort
                + ",retry=100,interval=0.1 </dev/null >/dev/null 2>&1 &\necho $! > " + dir.resolve("socat.pid")
                + "\nfor i in $(seq " + TOOL_START.toMillis() / 100 + "); do [ -e " + uart + " ] && exit 0; sleep 0.1; done\nexit 1");
        stopUart = script("uart-unplug.sh", killByPidFile("socat.pid"));
        powerOn = script("power-on.sh", qemu + "\n" + startUart);
        powerOff = script("power-off.sh", killByPidFile("socat.pid") + "\n" + killByPidFile("qemu.pid"));
    }

    /** True when the host tools the stand-in needs are installed. */
    static boolean toolsPresent() {
        return List.of("socat", "ser2net", "pdudaemon", "qemu-system-aarch64").stream()
                .allMatch(tool -> Executables.find(tool).isPresent());
    }

    /** Unplugs the USB UART and plugs it back in: the pseudo-terminal disappears and comes back. */
    void replugUart(Duration gap) throws IOException, InterruptedException {
        run(stopUart);
        Thread.sleep(gap.toMillis());
        run(startUart);
    }

    /** Starts ser2net serving the UART as telnet on a loopback port; returns the port. */
    int startConsoleServer() throws IOException, InterruptedException {
        if (ser2netPort == 0) {
            ser2netPort = Ports.free("127.0.0.1");
        }
        return startConsoleServer("telnet");
    }

    /**
     * Starts ser2net on a port other than the last one, speaking telnet with RFC 2217 as labgrid's
     * exporter starts it each time a place is acquired; returns the port.
     */
    int startConsoleServerOnNewPort() throws IOException, InterruptedException {
        int previous = ser2netPort;
        do {
            ser2netPort = Ports.free("127.0.0.1");
        } while (ser2netPort == previous);
        return startConsoleServer("telnet(rfc2217)");
    }

    /** Stops the console server, as an exporter does when its place is released. */
    void stopConsoleServer() {
        if (ser2net != null) {
            ProcessReaper.stop(ser2net);
            daemons.remove(ser2net);
            ser2net = null;
        }
    }

    private int startConsoleServer(String protocol) throws IOException, InterruptedException {
        Path config = Files.writeString(dir.resolve("ser2net.yaml"), """
                %%YAML 1.1
                ---
                connection: &standin
                  accepter: %s,tcp(nodelay),127.0.0.1,%d
                  connector: serialdev,%s,115200n81,local
                  options:
                    kickolduser: true
                """.formatted(protocol, ser2netPort, uart));
        ser2net = daemon(List.of("ser2net", "-n", "-u", "-c", config.toString(), "-P", dir.resolve("ser2net.pid").toString()));
        awaitListening(ser2net, "ser2net", ser2netPort);
        return ser2netPort;
    }

    /** Kills the console server and starts it again after {@code gap}, as a lab's console server restarts. */
    void restartConsoleServer(Duration gap) throws IOException, InterruptedException {
        String protocol = Files.readString(dir.resolve("ser2net.yaml")).contains("rfc2217") ? "telnet(rfc2217)" : "telnet";
        stopConsoleServer();
        Thread.sleep(gap.toMillis());
        startConsoleServer(protocol);
    }

    /** Starts PDUDaemon on a loopback port with one PDU whose outlets run the power scripts; returns the port. */
    int startPowerSwitch() throws IOException, InterruptedException {
        int port = Ports.free("127.0.0.1");
        Path config = Files.writeString(dir.resolve("pdudaemon.conf"), """
                {"daemon": {"hostname": "127.0.0.1", "port": %d, "logging_level": "INFO", "listener": "http"},
                 "pdus": {"%s": {"driver": "localcmdline", "cmd_on": "%s %%s", "cmd_off": "%s %%s"}}}
                """.formatted(port, PDU_NAME, powerOn, powerOff));
        Process pdudaemon = daemon(List.of("pdudaemon", "--conf", config.toString(), "--logfile",
                dir.resolve("pdudaemon.log").toString()));
        awaitListening(pdudaemon, "pdudaemon", port);
        return port;
    }

    private Process daemon(List<String> command) throws IOException {
        Process process = ProcessReaper.track(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(command.get(0) + ".out").toFile()).start());
        daemons.add(process);
        return process;
    }

    /**
     * Waits until {@code daemon} ({@code name}, its output in {@code name.out}) listens on {@code port}, as the
     * kernel's socket table says: binding the port to see whether it is taken would race the daemon's own bind,
     * and connecting to ser2net would kick the harness off its console.
     */
    private void awaitListening(Process daemon, String name, int port) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TOOL_START.toNanos();
        while (!listening(port)) {
            if (!daemon.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("nothing listens on 127.0.0.1:" + port + (daemon.isAlive() ? " after "
                        + TOOL_START.toSeconds() + " s" : ": " + name + " exited") + ": "
                        + Files.readString(dir.resolve(name + ".out")));
            }
            Thread.sleep(50);
        }
    }

    /** Whether a socket listens on {@code port} of any local IPv4 or IPv6 address (/proc/net/tcp, state 0A). */
    private static boolean listening(int port) throws IOException {
        String local = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[1].endsWith(local) && fields[3].equals("0A")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Process daemon : daemons) {
            ProcessReaper.stop(daemon);
        }
        run(powerOff);
    }

    private static void run(Path script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(script.toString()).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (!process.waitFor(TOOL_START.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(script + " failed");
        }
    }

    private String killByPidFile(String name) {
        Path pidFile = dir.resolve(name);
        return "[ -f " + pidFile + " ] && kill $(cat " + pidFile + ") 2>/dev/null; rm -f " + pidFile + "; true";
    }

    private Path script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
