package org.fwcts.harness.explore.rmm;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import org.fwcts.model.explore.rmm.RmmWorld;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.image.ImageManifest;

/**
 * The realm agent image explore's agent realm is built from: the image manifest's
 * {@value #NAME} entry padded to whole granules; on a simulated target, whose realm agent the model
 * plays, one zero granule standing in for it.
 */
public final class RealmAgentImage {
    public static final String NAME = "realm-agent";

    private RealmAgentImage() {
    }

    /** @throws IllegalArgumentException naming the manifest entry when there is no usable image */
    public static byte[] of(TargetDescriptor descriptor, ProjectLayout layout) {
        int granule = (int) RmmWorld.GRANULE;
        if (descriptor.simulation()) {
            return new byte[granule];
        }
        byte[] image;
        try {
            image = Files.readAllBytes(ImageManifest.load(layout.imageManifest()).image(NAME).verified().file());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(layout.imageManifest() + ": entry '" + NAME + "': " + e.getMessage(), e);
        }
        int granules = (image.length + granule - 1) / granule;
        if (granules == 0 || granules > RmmWorld.IMAGE_GRANULES) {
            throw new IllegalArgumentException(layout.imageManifest() + ": entry '" + NAME + "': " + image.length
                    + " bytes, more than the " + RmmWorld.IMAGE_GRANULES + " granules a realm agent may have");
        }
        return Arrays.copyOf(image, granules * granule);
    }
}
