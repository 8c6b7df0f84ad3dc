package org.fwcts.targets.spi;

import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.descriptor.TargetKind;

/**
 * Supplies the launcher for one target kind from a module above this one (found with
 * {@link java.util.ServiceLoader}): the simulated target lives with the harness and the model.
 */
public interface LauncherProvider {

    TargetKind kind();

    /**
     * A launcher for {@code descriptor}; checks what can be checked without launching.
     *
     * @throws org.fwcts.targets.TargetException naming the descriptor field at fault
     */
    TargetLauncher launcherFor(TargetDescriptor descriptor, ProjectLayout layout);
}
