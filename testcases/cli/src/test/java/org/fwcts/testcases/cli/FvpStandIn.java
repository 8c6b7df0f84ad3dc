package org.fwcts.testcases.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.fwcts.targets.Ports;
import org.fwcts.targets.ProcessReaper;

/**
 * A stand-in for an Arm FVP executable, NOT an FVP: it behaves like a Base FVP at the edges the
 * FVP target's code touches, so that the real launcher, announcement parser, consoles, terminal
 * draining and shutdown run against it. Arm's models cannot be installed here.
 *
 * <p>Like a model it takes {@code -C NAME=VALUE} and {@code --data TARGET=FILE@ADDRESS}, refuses
 * unknown options, fails without {@code bp.vis.disable_visualisation=1} (there is no display),
 * fails when a firmware file it is given cannot be opened, announces four terminals
 * ({@code terminal_N: Listening for serial connection on port P}, from {@code bp.terminal_N.start_port}
 * or 5000+N, the next free port when that one is taken), speaks telnet on a terminal unless it is
 * set to raw mode, and stalls the whole simulation once an unread terminal's output buffer is
 * full. Unlike a model it does not execute the firmware: it checks that the FIP carries a BL33
 * (the agent the launcher placed there) and runs the QEMU {@code virt} agent image named by
 * {@value #AGENT_VARIABLE}, bridging QEMU's UART to {@code terminal_0}.
 *
 * <p>Everything it was given is written to the file named by {@value #RECORD_VARIABLE}, for the
 * tests to check.
 */
public final class FvpStandIn {
    static final String AGENT_VARIABLE = "FWCTS_STANDIN_AGENT";
    static final String RECORD_VARIABLE = "FWCTS_STANDIN_RECORD";
    static final String LICENCE_VARIABLE = "ARMLMD_LICENSE_FILE";
    private static final int TERMINALS = 4;
    /** Bytes each agent line makes the other UARTs print: like firmware log lines on the secure UART. */
    private static final int LOG_BYTES_PER_LINE = 256;
    /** Lines an unread terminal holds before the simulation stalls. */
    private static final int UNREAD_LINES_BEFORE_STALL = 32;
    private static final byte[] TELNET_NEGOTIATION = {(byte) 255, (byte) 251, 1, (byte) 255, (byte) 251, 3};

    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final List<String> data = new ArrayList<>();

    private FvpStandIn() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("FWCTS FVP STAND-IN (not an Arm FVP): QEMU virt runs the agent; the firmware is checked, not run");
        FvpStandIn model = new FvpStandIn();
        String problem = model.parse(args);
        if (problem == null) {
            problem = model.check();
        }
        model.record(problem);
        if (problem != null) {
            System.out.println("Error: " + problem);
            System.exit(1);
        }
        model.simulate();
    }

    private String parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (i + 1 < args.length && (args[i].equals("-C") || args[i].equals("--parameter"))) {
                String[] pair = args[++i].split("=", 2);
                if (pair.length != 2) {
                    return "parameter '" + args[i] + "' is not NAME=VALUE";
                }
                parameters.put(pair[0], pair[1]);
            } else if (i + 1 < args.length && args[i].equals("--data")) {
                data.add(args[++i]);
            } else {
                return "unrecognised option '" + args[i] + "'";
            }
        }
        return null;
    }

    /** What a model would refuse to start with; null when it would start. */
    private String check() throws IOException, InterruptedException {
        if (!"1".equals(parameters.get("bp.vis.disable_visualisation"))) {
            return "cannot open display for the visualisation window (set bp.vis.disable_visualisation=1)";
        }
        for (String file : List.of("bp.secureflashloader.fname", "bp.flashloader0.fname")) {
            String path = parameters.get(file);
            if (path != null && !Files.isReadable(Path.of(path))) {
                return file + ": cannot open file '" + path + "'";
            }
        }
        String fip = parameters.get("bp.flashloader0.fname");
        if (fip == null || !fiptoolInfo(fip).contains("Non-Trusted Firmware BL33")) {
            return "stand-in: the FIP in bp.flashloader0.fname carries no BL33 for the stand-in to stand for";
        }
        for (String load : data) {
            String file = load.substring(load.indexOf('=') + 1, load.lastIndexOf('@'));
            if (!Files.isReadable(Path.of(file))) {
                return "--data " + load + ": cannot open file '" + file + "'";
            }
        }
        return null;
    }

    private static String fiptoolInfo(String fip) throws IOException, InterruptedException {
        Process fiptool = new ProcessBuilder("fiptool", "info", fip).redirectErrorStream(true).start();
        String listing = new String(fiptool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return fiptool.waitFor() == 0 ? listing : "";
    }

    private void record(String problem) throws IOException {
        String file = System.getenv(RECORD_VARIABLE);
        if (file == null) {
            return;
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8))) {
            parameters.forEach((name, value) -> out.println("-C " + name + "=" + value));
            data.forEach(load -> out.println("--data " + load));
            out.println("env " + LICENCE_VARIABLE + "=" + System.getenv().getOrDefault(LICENCE_VARIABLE, "(unset)"));
            out.println("cwd " + Path.of("").toAbsolutePath());
            out.println("pid " + ProcessHandle.current().pid());
            out.println("result " + (problem == null ? "started" : problem));
        }
    }

    private void simulate() throws Exception {
        int qemuPort = Ports.free("127.0.0.1");
        Process qemu = startQemu(qemuPort);
        String record = System.getenv(RECORD_VARIABLE);
        if (record != null) {
            Files.writeString(Path.of(record), "qemu-pid " + qemu.pid() + "\n", java.nio.file.StandardOpenOption.APPEND);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Info: Simulation is terminating");
            ProcessReaper.stop(qemu);
        }));
        List<Terminal> terminals = new ArrayList<>();
        for (int n = 0; n < TERMINALS; n++) {
            Terminal terminal = new Terminal("terminal_" + n, bind(n), !"raw".equals(parameters.get("bp.terminal_" + n + ".mode")));
            System.out.println(terminal.name + ": Listening for serial connection on port " + terminal.server.getLocalPort());
            terminals.add(terminal);
        }
        System.out.flush();
        Terminal console = terminals.get(0);
        try (Socket client = console.accept(); Socket uart = connect(qemu, qemuPort)) {
            copyInBackground(client.getInputStream(), uart.getOutputStream());
            runModel(uart.getInputStream(), client.getOutputStream(), terminals.subList(1, TERMINALS));
        }
        qemu.waitFor();
    }

    /**
     * The simulation's one thread: the agent's UART output goes to terminal_0, and every line of
     * it makes the other UARTs print too. Their output waits in a bounded buffer until someone
     * reads it; once one is full, this thread blocks, as a model's simulation does.
     */
    private static void runModel(InputStream fromUart, OutputStream toConsole, List<Terminal> others)
            throws IOException, InterruptedException {
        byte[] buffer = new byte[4096];
        long lines = 0;
        for (int n; (n = fromUart.read(buffer)) > 0; ) {
            toConsole.write(buffer, 0, n);
            toConsole.flush();
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                    for (Terminal other : others) {
                        other.output.put(logLine(other.name, lines));
                    }
                }
            }
        }
    }

    private static byte[] logLine(String terminal, long number) {
        String prefix = terminal + " log line " + number + " ";
        return (prefix + ".".repeat(Math.max(0, LOG_BYTES_PER_LINE - prefix.length() - 2)) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private ServerSocket bind(int n) throws IOException {
        int port = Integer.parseInt(parameters.getOrDefault("bp.terminal_" + n + ".start_port", Integer.toString(5000 + n)));
        for (; ; port++) {
            try {
                ServerSocket server = new ServerSocket();
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return server;
            } catch (IOException taken) {
                // The next one, as the model does.
            }
        }
    }

    private Process startQemu(int port) throws IOException {
        String agent = System.getenv(AGENT_VARIABLE);
        if (agent == null) {
            throw new IllegalStateException(AGENT_VARIABLE + " must name the agent-virt image");
        }
        return ProcessReaper.track(new ProcessBuilder(ProcessReaper.diesWithHarness(List.of("qemu-system-aarch64",
                "-machine", "virt,virtualization=on,gic-version=3", "-cpu", "cortex-a57", "-m", "512M", "-nodefaults",
                "-display", "none", "-monitor", "none", "-no-reboot", "-chardev",
                "socket,id=uart0,host=127.0.0.1,port=" + port + ",server=on,wait=on,nodelay=on", "-serial", "chardev:uart0",
                "-kernel", agent))).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    }

    /** Connects to QEMU's UART socket once QEMU listens: a loaded machine may take many seconds to start it. */
    private static Socket connect(Process qemu, int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setTcpNoDelay(true);
                return socket;
            } catch (IOException e) {
                if (!qemu.isAlive() || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
    }

    private static void copyInBackground(InputStream from, OutputStream to) {
        Thread copier = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                // The terminal closed: the harness has gone.
            }
        }, "terminal-input");
        copier.setDaemon(true);
        copier.start();
    }

    /** One terminal component: a listening port and, for the secondary ones, the UART output waiting for a reader. */
    private static final class Terminal {
        final String name;
        final ServerSocket server;
        final boolean telnet;
        final BlockingQueue<byte[]> output = new ArrayBlockingQueue<>(UNREAD_LINES_BEFORE_STALL);

        Terminal(String name, ServerSocket server, boolean telnet) {
            this.name = name;
            this.server = server;
            this.telnet = telnet;
            if (!name.equals("terminal_0")) {
                Thread writer = new Thread(this::serve, name + "-writer");
                writer.setDaemon(true);
                writer.start();
            }
        }

        Socket accept() throws IOException {
            Socket client = server.accept();
            client.setTcpNoDelay(true);
            if (telnet) {
                client.getOutputStream().write(TELNET_NEGOTIATION);
            }
            return client;
        }

        /** Hands the buffered output to whoever connects; nothing leaves the buffer while nobody reads. */
        private void serve() {
            try (Socket client = accept()) {
                OutputStream out = client.getOutputStream();
                while (true) {
                    out.write(output.take());
                }
            } catch (IOException | InterruptedException e) {
                // The reader went away: the buffer fills and the simulation stalls, as it would.
            }
        }
    }
}
