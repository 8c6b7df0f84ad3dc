package org.fwcts.harness.explore;

import java.util.List;

/**
 * A saved diverging sequence: a regression case the catalogue replays as an ordinary test.
 *
 * @param name what the scenario is called (its file name without .yaml)
 * @param origin how it was found, for the reader
 * @param rule the rule it broke when it was found
 * @param actions the steps, in order
 */
public record Scenario(String name, String origin, String rule, List<org.fwcts.model.explore.Action> actions) {
    public Scenario {
        actions = List.copyOf(actions);
    }
}
