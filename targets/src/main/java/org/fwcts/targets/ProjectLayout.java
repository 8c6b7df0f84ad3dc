package org.fwcts.targets;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the FWCTS checkout is: its target descriptors, agent images and report folders.
 *
 * <p>The root comes from the {@code fwcts.home} system property (set by {@code ./fwcts} and by the
 * Maven build), or else is the nearest folder above the working directory that has both
 * {@code targets/} and {@code firmware-images/}.
 */
public record ProjectLayout(Path root) {

    public static ProjectLayout discover() {
        String home = System.getProperty("fwcts.home");
        if (home != null && !home.isBlank()) {
            return new ProjectLayout(Path.of(home).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("targets")) && Files.isDirectory(dir.resolve("firmware-images"))) {
                return new ProjectLayout(dir);
            }
        }
        throw new TargetException("cannot find the FWCTS checkout: set -Dfwcts.home or run from inside it");
    }

    public Path targetsDir() {
        return root.resolve("targets");
    }

    public Path imageManifest() {
        return root.resolve("firmware-images/build/manifest.yaml");
    }

    public Path reportsDir() {
        return root.resolve("reports");
    }
}
