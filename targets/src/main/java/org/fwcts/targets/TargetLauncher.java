package org.fwcts.targets;

import java.nio.file.Path;
import org.fwcts.targets.descriptor.TargetDescriptor;

/** Starts a target from its descriptor. */
public interface TargetLauncher {

    /**
     * Starts the target; files it makes for this boot go in {@code workDir}.
     *
     * @throws TargetException naming the field, file, tool or port at fault when it cannot start
     */
    RunningTarget launch(TargetDescriptor descriptor, Path workDir);

    /** What the run holds around all its launches (a farm's place); nothing by default. */
    default RunReservation reservation() {
        return RunReservation.NONE;
    }
}
