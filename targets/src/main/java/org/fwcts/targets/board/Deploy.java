package org.fwcts.targets.board;

import java.nio.file.Path;

/** Puts the image a board boots where the board finds it: a TFTP root, a USB disk, its flash. */
public interface Deploy {

    /**
     * Deploys {@code image} and says where it went, for the run's diagnostics.
     *
     * @throws org.fwcts.targets.TargetException when the image cannot be placed
     */
    String deploy(Path image);
}
