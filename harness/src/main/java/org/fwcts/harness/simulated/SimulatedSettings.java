package org.fwcts.harness.simulated;

import java.util.List;
import org.fwcts.targets.spi.KindSettings;

/**
 * A simulated target's settings, from its descriptor's optional {@code simulated} section.
 *
 * @param deviations the names of the deviations from the profile the simulation injects, in order
 */
public record SimulatedSettings(List<String> deviations) implements KindSettings {
    public SimulatedSettings {
        deviations = List.copyOf(deviations);
    }
}
