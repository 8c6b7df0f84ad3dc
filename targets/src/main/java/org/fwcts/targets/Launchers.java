package org.fwcts.targets;

import java.util.ServiceLoader;
import org.fwcts.targets.board.BoardLauncher;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.fvp.FvpLauncher;
import org.fwcts.targets.descriptor.TargetKind;
import org.fwcts.targets.image.ImageManifest;
import org.fwcts.targets.qemu.QemuLauncher;
import org.fwcts.targets.spi.LauncherProvider;

/** Chooses the launcher for a descriptor's kind. */
public final class Launchers {
    private Launchers() {
    }

    public static TargetLauncher forTarget(TargetDescriptor descriptor, ProjectLayout layout) {
        if (descriptor.kind() == TargetKind.QEMU) {
            return new QemuLauncher(ImageManifest.load(layout.imageManifest()));
        }
        if (descriptor.kind() == TargetKind.FVP) {
            return new FvpLauncher(ImageManifest.load(layout.imageManifest()));
        }
        if (descriptor.kind() == TargetKind.BOARD) {
            return new BoardLauncher(ImageManifest.load(layout.imageManifest()));
        }
        for (LauncherProvider provider : ServiceLoader.load(LauncherProvider.class)) {
            if (provider.kind() == descriptor.kind()) {
                return provider.launcherFor(descriptor, layout);
            }
        }
        throw new TargetException(descriptor.file() + ": kind: no launcher for '" + descriptor.kind().label()
                + "' targets is on the class path");
    }
}
