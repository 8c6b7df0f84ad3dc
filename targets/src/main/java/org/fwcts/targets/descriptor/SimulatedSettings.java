package org.fwcts.targets.descriptor;

import java.util.List;

/**
 * Settings of a simulated target.
 *
 * @param deviations names of the deviations from the profile the simulation injects, to prove
 *     the suite catches them; empty for a conforming simulation
 */
public record SimulatedSettings(List<String> deviations) {
    public SimulatedSettings {
        deviations = List.copyOf(deviations);
    }
}
