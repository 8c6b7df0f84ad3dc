package org.fwcts.targets;

import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.image.ImageManifest;
import org.fwcts.targets.qemu.QemuLauncher;

/** Chooses the launcher for a descriptor's kind. */
public final class Launchers {
    private Launchers() {
    }

    public static TargetLauncher forTarget(TargetDescriptor descriptor, ProjectLayout layout) {
        // Only QEMU targets exist so far; the descriptor loader rejects other kinds by name.
        return new QemuLauncher(ImageManifest.load(layout.imageManifest()));
    }
}
