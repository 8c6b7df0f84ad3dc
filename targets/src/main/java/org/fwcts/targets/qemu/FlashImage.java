package org.fwcts.targets.qemu;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fwcts.targets.Executables;
import org.fwcts.targets.TargetException;

/**
 * Lays out user-supplied TF-A BL1 and FIP as the flash image of TF-A's QEMU platform, with the
 * agent placed into a copy of the FIP as BL33 (the user's files are never modified).
 */
final class FlashImage {
    /** TF-A's plat/qemu reads the FIP from flash offset 256 KiB (PLAT_QEMU_FIP_BASE). */
    static final int FIP_OFFSET = 0x40000;

    private FlashImage() {
    }

    static Path assemble(Path bl1, Path fip, Path agentBinary, Path workDir) {
        try {
            Files.createDirectories(workDir);
            long bl1Size = Files.size(bl1);
            if (bl1Size > FIP_OFFSET) {
                throw new TargetException(bl1 + ": BL1 is " + bl1Size + " bytes, larger than the " + FIP_OFFSET
                        + " bytes before the FIP in flash");
            }
            Path fipCopy = workDir.resolve("fip-with-agent.bin");
            Files.copy(fip, fipCopy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            insertBl33(fipCopy, agentBinary);
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

    private static void insertBl33(Path fip, Path agentBinary) throws IOException {
        Path fiptool = Executables.find("fiptool").orElseThrow(() -> new TargetException(
                "fiptool not found on PATH: it places the agent into the FIP as BL33;"
                        + " install Debian's arm-trusted-firmware-tools"));
        Process process = new ProcessBuilder(List.of(fiptool.toString(), "update", "--nt-fw", agentBinary.toString(),
                fip.toString())).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new TargetException("fiptool could not place the agent into " + fip + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while running fiptool", e);
        }
    }
}
