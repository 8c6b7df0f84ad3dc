package org.fwcts.targets.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.YamlTree;

/** The manifest the agent build writes: each image with its file, load address and SHA-256. */
public final class ImageManifest {
    private final Path file;
    private final Map<String, AgentImage> images;

    private ImageManifest(Path file, Map<String, AgentImage> images) {
        this.file = file;
        this.images = images;
    }

    public static ImageManifest load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TargetException(file + ": image manifest missing; build the agent images with ./fwcts build"
                    + " (needs Debian's gcc-aarch64-linux-gnu)");
        }
        try {
            Map<String, AgentImage> images = new LinkedHashMap<>();
            if (YamlTree.read(Files.readString(file)) instanceof Map<?, ?> root && root.get("images") instanceof List<?> entries) {
                for (Object item : entries) {
                    Map<?, ?> entry = item instanceof Map<?, ?> fields ? fields : Map.of();
                    String name = text(entry, "name");
                    Path image = file.getParent().resolve(text(entry, "file"));
                    long address = Long.decode(text(entry, "loadAddress"));
                    images.put(name, new AgentImage(name, image, address, text(entry, "sha256")));
                }
            }
            return new ImageManifest(file, images);
        } catch (IOException | NumberFormatException | YamlTree.Problem e) {
            throw new TargetException(file + ": unreadable image manifest: " + e.getMessage(), e);
        }
    }

    /** A field's text, empty when it is missing or not a single value. */
    private static String text(Map<?, ?> entry, String field) {
        return entry.get(field) instanceof String text ? text : "";
    }

    /** The named image, checked against its recorded SHA-256. */
    public AgentImage image(String name) {
        AgentImage image = images.get(name);
        if (image == null) {
            throw new TargetException(file + ": no image named '" + name + "' (images: " + images.keySet() + ")");
        }
        if (!Files.isReadable(image.file())) {
            throw new TargetException(image.file() + ": agent image '" + name + "' is missing; rebuild with ./fwcts build");
        }
        return image.verified();
    }
}
