package org.fwcts.targets.board;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.fwcts.targets.TargetException;

/**
 * Copies the image into a folder the board boots from: a TFTP root, a mounted USB mass-storage
 * device (an MPS or Juno board's configuration drive). The copy is written beside the target
 * name and renamed over it, so a board never loads a half-written image.
 *
 * @param folder where the board looks
 * @param fileName the name the board expects
 */
record FolderDeploy(Path folder, String fileName) implements Deploy {

    @Override
    public String deploy(Path image) {
        if (!Files.isDirectory(folder)) {
            throw new TargetException("deploy.folder: " + folder + " is not a folder (is the TFTP root or USB drive mounted?)");
        }
        Path target = folder.resolve(fileName);
        Path partial = folder.resolve(fileName + ".partial");
        try {
            Files.copy(image, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target.toString();
        } catch (IOException e) {
            throw new TargetException("deploy.folder: cannot copy " + image + " to " + target + ": " + e.getMessage(), e);
        }
    }
}
