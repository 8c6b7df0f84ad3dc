package org.fwcts.targets;

import org.fwcts.targets.descriptor.TargetDescriptor;

/** Chooses the launcher for a descriptor: its kind builds it. */
public final class Launchers {
    private Launchers() {
    }

    public static TargetLauncher forTarget(TargetDescriptor descriptor, ProjectLayout layout) {
        return descriptor.kind().launcher(descriptor, layout);
    }
}
