package org.fwcts.targets.labgrid;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.board.DeploySettings;
import org.fwcts.targets.spi.KindSettings;

/**
 * A labgrid place as a descriptor's {@code labgrid} section names it: values only; the coordinator
 * is first contacted when the run acquires the place (or {@code fwcts doctor} looks at it).
 *
 * @param file the descriptor, for errors that name its fields
 * @param coordinator the coordinator's {@code host:port}
 * @param place the place to acquire, when named
 * @param tags the tags a place must carry, when the place is chosen by tags instead
 * @param identity the {@code host/user} identity FWCTS claims at the coordinator
 * @param acquireTimeout how long to wait for a place another identity holds
 * @param takeOverStale whether a place still acquired under FWCTS's own identity (left by a killed
 *        run) is released and acquired again rather than refused
 * @param deploy how the agent image reaches the board
 * @param powerOffAtEnd whether the board is switched off before the place is released
 */
public record LabgridSettings(Path file, String coordinator, Optional<String> place, Map<String, String> tags,
        String identity, Duration acquireTimeout, boolean takeOverStale, DeploySettings deploy, boolean powerOffAtEnd)
        implements KindSettings {

    public LabgridSettings {
        tags = Map.copyOf(tags);
    }

    /** An error about {@code field} of the {@code labgrid} section, naming the descriptor. */
    public TargetException error(String field, String problem) {
        return new TargetException(file + ": labgrid." + field + ": " + problem);
    }

    /** The place as the user named it: its name, or its tags. */
    public String wanted() {
        return place.map(name -> "place '" + name + "'").orElseGet(() -> "a place tagged " + tags);
    }

    /** The field that chose the place, for errors about it. */
    public String placeField() {
        return place.isPresent() ? "place" : "tags";
    }
}
