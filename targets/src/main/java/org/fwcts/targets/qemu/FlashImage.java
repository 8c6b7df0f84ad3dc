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
 * agent placed into a copy of the FIP as BL33, and the partition agent as BL32 where the target
 * has one (the user's files are never modified).
 */
final class FlashImage {
    /** TF-A's plat/qemu reads the FIP from flash offset 256 KiB (PLAT_QEMU_FIP_BASE). */
    static final int FIP_OFFSET = 0x40000;

    private FlashImage() {
    }

    /**
     * Builds the flash image with the agent as BL33 and, when given, the partition agent and its
     * manifest as BL32 (TOS_FW) and TOS_FW_CONFIG.
     */
    static Path assemble(Path bl1, Path fip, Path agentBinary, java.util.Optional<Path[]> partition, Path workDir) {
        try {
            Files.createDirectories(workDir);
            long bl1Size = Files.size(bl1);
            if (bl1Size > FIP_OFFSET) {
                throw new TargetException(bl1 + ": BL1 is " + bl1Size + " bytes, larger than the " + FIP_OFFSET
                        + " bytes before the FIP in flash");
            }
            Path fipCopy = workDir.resolve("fip-with-agent.bin");
            Files.copy(fip, fipCopy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            List<String> entries = new java.util.ArrayList<>(List.of("--nt-fw", agentBinary.toString()));
            partition.ifPresent(images -> entries.addAll(List.of("--tos-fw", images[0].toString(),
                    "--tos-fw-config", images[1].toString())));
            insert(fipCopy, entries);
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

    private static void insert(Path fip, List<String> entries) throws IOException {
        Path fiptool = Executables.find("fiptool").orElseThrow(() -> new TargetException(
                "fiptool not found on PATH: it places the agents into the FIP;"
                        + " install Debian's arm-trusted-firmware-tools"));
        List<String> command = new java.util.ArrayList<>(List.of(fiptool.toString(), "update"));
        command.addAll(entries);
        command.add(fip.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
