package org.fwcts.testcases.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.image.ImageManifest;
import org.opentest4j.TestAbortedException;

/**
 * The realm agent image a realm is built from: the image manifest's {@value #NAME} entry
 * (firmware-images/realm-agent), padded to whole granules. A simulated target's realm agent is
 * played by the model, so it gets one zero granule that stands in for the image.
 */
final class RealmImage {
    static final String NAME = "realm-agent";
    private static final int GRANULE = 4096;
    /** The protocol's limit: 64 KiB including the stack. */
    static final int MAX_GRANULES = 16;

    private final TargetDescriptor descriptor;
    private final ProjectLayout layout;

    RealmImage(TargetDescriptor descriptor, ProjectLayout layout) {
        this.descriptor = descriptor;
        this.layout = layout;
    }

    /** Whether the model plays the realm (a simulated target): the realm's memory holds nothing the RMM wrote. */
    boolean simulated() {
        return descriptor.simulation();
    }

    /** The image's bytes, a whole number of granules; skips the test, naming the entry, when there is none. */
    byte[] bytes() {
        if (descriptor.simulation()) {
            return new byte[GRANULE];
        }
        byte[] image;
        try {
            image = Files.readAllBytes(ImageManifest.load(layout.imageManifest()).image(NAME).verified().file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new TestAbortedException("no realm agent image: " + layout.imageManifest() + " entry '" + NAME + "': "
                    + e.getMessage());
        }
        int granules = (image.length + GRANULE - 1) / GRANULE;
        if (granules == 0 || granules > MAX_GRANULES) {
            throw new TestAbortedException("the realm agent image is " + image.length + " bytes: the protocol allows 1 to "
                    + MAX_GRANULES + " granules");
        }
        return Arrays.copyOf(image, granules * GRANULE);
    }
}
