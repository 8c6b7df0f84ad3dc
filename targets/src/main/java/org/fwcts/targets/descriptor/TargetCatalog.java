package org.fwcts.targets.descriptor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fwcts.targets.TargetException;

/** Finds target descriptors by name in a {@code targets/} folder, or by path. */
public final class TargetCatalog {
    private static final String SUFFIX = ".yaml";
    /** A target's known deviations live beside it, e.g. {@code qemu-virt.waivers.yaml}: not a target. */
    public static final String WAIVERS_SUFFIX = ".waivers.yaml";
    private final Path folder;

    public TargetCatalog(Path folder) {
        this.folder = folder;
    }

    /** The descriptor for {@code nameOrPath}: a name in the folder, or a path to a YAML file. */
    public TargetDescriptor find(String nameOrPath) {
        Path asPath = Path.of(nameOrPath);
        if (nameOrPath.endsWith(SUFFIX) || nameOrPath.contains("/")) {
            return DescriptorLoader.load(asPath.toAbsolutePath().normalize());
        }
        Path file = folder.resolve(nameOrPath + SUFFIX);
        if (!Files.isRegularFile(file)) {
            throw new TargetException("unknown target '" + nameOrPath + "': there is no " + file
                    + " (known targets: " + String.join(", ", names()) + ")");
        }
        return DescriptorLoader.load(file);
    }

    public List<String> names() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX) && !n.endsWith(WAIVERS_SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
