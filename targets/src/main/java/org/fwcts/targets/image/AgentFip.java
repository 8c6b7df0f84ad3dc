package org.fwcts.targets.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.fwcts.targets.Executables;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.TargetDescriptor;

/**
 * Places FWCTS's agents into a copy of the user's TF-A FIP with Debian's {@code fiptool}: the
 * normal-world agent as BL33 ({@code nt-fw}) and, when the target has one, the partition agent
 * and its manifest as BL32 ({@code tos-fw}, {@code tos-fw-config}). The user's file is never
 * modified; QEMU and FVP targets boot the copy.
 */
public final class AgentFip {
    /** The name of the copy in the boot's work folder. */
    public static final String FILE_NAME = "fip-with-agent.bin";

    private AgentFip() {
    }

    /** The secure-partition agent and its partition manifest, as files. */
    public record PartitionImages(Path image, Path manifest) {
    }

    /** The target's partition agent images from the manifest, their hashes recorded in {@code hashes}. */
    public static Optional<PartitionImages> partition(TargetDescriptor target, ImageManifest images,
            Map<String, String> hashes) {
        return target.partitionAgent().map(spec -> {
            AgentImage image = images.image(spec.image());
            AgentImage manifest = images.image(spec.manifest());
            hashes.put("partition:" + image.name(), image.sha256());
            hashes.put("partition:" + manifest.name(), manifest.sha256());
            return new PartitionImages(image.file(), manifest.file());
        });
    }

    /** Copies {@code fip} into {@code workDir} with the agents placed; returns the copy. */
    public static Path place(Path fip, Path agentBinary, Optional<PartitionImages> partition, Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path copy = workDir.resolve(FILE_NAME);
            Files.copy(fip, copy, StandardCopyOption.REPLACE_EXISTING);
            List<String> entries = new ArrayList<>(List.of("--nt-fw", agentBinary.toString()));
            partition.ifPresent(p -> entries.addAll(List.of("--tos-fw", p.image().toString(),
                    "--tos-fw-config", p.manifest().toString())));
            update(copy, entries);
            return copy;
        } catch (IOException e) {
            throw new TargetException("cannot copy the FIP " + fip + " into " + workDir + ": " + e.getMessage(), e);
        }
    }

    private static void update(Path fip, List<String> entries) throws IOException {
        Path fiptool = Executables.find("fiptool").orElseThrow(() -> new TargetException(
                "fiptool not found on PATH: it places the agents into the FIP;"
                        + " install Debian's arm-trusted-firmware-tools"));
        List<String> command = new ArrayList<>(List.of(fiptool.toString(), "update"));
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
