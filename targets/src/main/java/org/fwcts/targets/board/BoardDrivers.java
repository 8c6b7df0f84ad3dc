package org.fwcts.targets.board;

import java.util.Optional;

/**
 * Builds a board's power switch, reset and deployment step from its {@link BoardSettings}, when
 * the board is launched.
 */
final class BoardDrivers {
    private BoardDrivers() {
    }

    static Optional<Power> power(BoardSettings board) {
        return board.power().map(settings -> settings instanceof PowerSettings.PduDaemon pdu
                ? new PduDaemonPower(pdu) : new CommandPower((PowerSettings.Commands) settings));
    }

    static Optional<Reset> reset(BoardSettings board, Optional<Power> power) {
        return board.reset().map(settings -> settings instanceof ResetSettings.Command command
                ? new CommandReset(command.command()) : new PowerCycleReset(power.orElseThrow()));
    }

    static Deploy deploy(BoardSettings board) {
        DeploySettings deploy = board.deploy();
        if (deploy instanceof DeploySettings.Folder folder) {
            return new FolderDeploy(folder.folder(), folder.fileName());
        }
        if (deploy instanceof DeploySettings.Command command) {
            return new CommandDeploy(command.command());
        }
        return image -> "not deployed (no deploy step)";
    }
}
