package org.fwcts.targets.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fwcts.targets.TargetException;

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
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            Map<String, AgentImage> images = new LinkedHashMap<>();
            for (JsonNode entry : root.path("images")) {
                String name = entry.path("name").asText();
                Path image = file.getParent().resolve(entry.path("file").asText());
                long address = Long.decode(entry.path("loadAddress").asText());
                images.put(name, new AgentImage(name, image, address, entry.path("sha256").asText()));
            }
            return new ImageManifest(file, images);
        } catch (IOException | NumberFormatException e) {
            throw new TargetException(file + ": unreadable image manifest: " + e.getMessage(), e);
        }
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
