package org.fwcts.targets.board;

import java.util.Optional;

/**
 * Builds a board's power switch, reset and deployment step from its {@link BoardSettings}, when
 * the board is launched; other kinds that drive boards (a farm's places) build theirs here too.
 */
public final class BoardDrivers {
    private BoardDrivers() {
    }

    static Optional<Power> power(BoardSettings board) {
        return board.power().map(BoardDrivers::power);
    }

    public static Power power(PowerSettings settings) {
        return settings instanceof PowerSettings.PduDaemon pdu
                ? new PduDaemonPower(pdu) : new CommandPower((PowerSettings.Commands) settings);
    }

    static Optional<Reset> reset(BoardSettings board, Optional<Power> power) {
        return board.reset().map(settings -> settings instanceof ResetSettings.Command command
                ? new CommandReset(command.command()) : new PowerCycleReset(power.orElseThrow()));
    }

    static Deploy deploy(BoardSettings board) {
        return deploy(board.deploy());
    }

    public static Deploy deploy(DeploySettings deploy) {
        if (deploy instanceof DeploySettings.Folder folder) {
            return new FolderDeploy(folder.folder(), folder.fileName());
        }
        if (deploy instanceof DeploySettings.Command command) {
            return new CommandDeploy(command.command());
        }
        return image -> "not deployed (no deploy step)";
    }
}
