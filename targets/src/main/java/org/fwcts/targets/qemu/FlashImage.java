package org.fwcts.targets.qemu;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.image.AgentFip;

/**
 * Lays out user-supplied TF-A BL1 and FIP as the flash image of TF-A's QEMU platform, with the
 * agents placed into a copy of the FIP ({@link AgentFip}); the user's files are never modified.
 */
public final class FlashImage {
    /** TF-A's plat/qemu reads the FIP from flash offset 256 KiB (PLAT_QEMU_FIP_BASE). */
    static final int FIP_OFFSET = 0x40000;

    private FlashImage() {
    }

    /** Builds the flash image: BL1 at 0, the FIP with the agents at {@link #FIP_OFFSET}. */
    public static Path assemble(Path bl1, Path fip, Path agentBinary, Optional<AgentFip.PartitionImages> partition, Path workDir) {
        try {
            long bl1Size = Files.size(bl1);
            if (bl1Size > FIP_OFFSET) {
                throw new TargetException(bl1 + ": BL1 is " + bl1Size + " bytes, larger than the " + FIP_OFFSET
                        + " bytes before the FIP in flash");
            }
            Path fipCopy = AgentFip.place(fip, agentBinary, partition, workDir);
            Path flash = workDir.resolve("flash.bin");
            try (OutputStream out = Files.newOutputStream(flash)) {
                out.write(Files.readAllBytes(bl1));
                out.write(new byte[(int) (FIP_OFFSET - bl1Size)]);
                out.write(Files.readAllBytes(fipCopy));
            }
            return flash;
        } catch (IOException e) {
            throw new TargetException("cannot assemble the flash image in " + workDir + ": " + e.getMessage(), e);
        }
    }
}
