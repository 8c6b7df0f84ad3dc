package org.fwcts.targets.board;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fwcts.targets.Executables;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.ConsoleSpec;

/**
 * What {@code fwcts doctor} checks on a board target without touching the board: the console
 * device or server, the power switch and the deployment step. Each check returns what it found
 * or throws with how to fix it; none switches power, deploys or reads a credential's value out.
 */
public final class BoardChecks {
    private static final int CONNECT_MILLIS = 2000;

    private BoardChecks() {
    }

    public static String console(ConsoleSpec console) {
        if (console.kind() == ConsoleSpec.Kind.SERIAL) {
            Path device = Path.of(console.device().orElseThrow());
            if (!Files.exists(device)) {
                throw new TargetException("no device at " + device + "; fix: plug in the board's UART (see ls /dev/serial/by-id)");
            }
            if (!Files.isReadable(device) || !Files.isWritable(device)) {
                throw new TargetException(device + " is not readable and writable; fix: adduser $USER dialout, then log in again");
            }
            return device + " " + console.line().baudRate() + " baud, parity " + console.line().parity()
                    + ", flow control " + console.line().flowControl();
        }
        return reachable(console.host(), console.port(), "the console server (ser2net, conserver, a terminal server)");
    }

    public static String power(BoardSettings board) {
        if (board.power().isEmpty()) {
            return "none configured: power the board yourself before each run";
        }
        PowerSettings power = board.power().get();
        if (power instanceof PowerSettings.PduDaemon pdu) {
            pdu.credential().ifPresent(Credential::value);
            int port = pdu.baseUrl().getPort() > 0 ? pdu.baseUrl().getPort() : 80;
            return reachable(pdu.baseUrl().getHost(), port, "PDUDaemon") + " (" + pdu + ")";
        }
        PowerSettings.Commands commands = (PowerSettings.Commands) power;
        return commands + ": " + installed(commands.all());
    }

    public static String deploy(BoardSettings board) {
        DeploySettings deploy = board.deploy();
        if (deploy instanceof DeploySettings.Folder folder) {
            if (!Files.isDirectory(folder.folder()) || !Files.isWritable(folder.folder())) {
                throw new TargetException(folder.folder() + " is not a writable folder; fix: mount the TFTP root or the board's"
                        + " USB drive there, or change board.deploy.folder");
            }
            return "copies to " + folder.folder().resolve(folder.fileName());
        }
        if (deploy instanceof DeploySettings.Command command) {
            return installed(java.util.List.of(command.command())) + ": " + command.command().template();
        }
        return "no deploy step: the board boots what it already has";
    }

    /** Checks that the program each command starts with is installed. */
    private static String installed(java.util.List<ShellCommand> commands) {
        for (ShellCommand command : commands) {
            String program = command.template().strip().split("\\s+")[0];
            if (Executables.find(program).isEmpty()) {
                throw new TargetException(program + " (" + command.field() + ") is not installed or not on PATH");
            }
        }
        return "programs found";
    }

    private static String reachable(String host, int port, String what) {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
            return host + ":" + port + " answers";
        } catch (IOException e) {
            throw new TargetException("cannot reach " + what + " at " + host + ":" + port + " (" + e.getMessage()
                    + "); fix: start it, or correct host/port in the descriptor");
        }
    }
}
