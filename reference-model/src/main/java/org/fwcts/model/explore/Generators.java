package org.fwcts.model.explore;

import java.util.List;
import java.util.Optional;

/**
 * Finding an area's generator and making actions concrete, whatever the interface: the FF-A areas
 * come from {@code explore.ffa.FfaAreas}, an RMM list will sit beside it, and the runner takes
 * whichever list it is given.
 */
public final class Generators {

    private Generators() {
    }

    /** The generator of {@code area} among {@code generators}. */
    public static Optional<AreaGenerator> find(List<AreaGenerator> generators, String area) {
        return generators.stream().filter(g -> g.area().equals(area)).findFirst();
    }

    /**
     * The step of {@code action} in {@code context}.
     *
     * @throws IllegalArgumentException naming the area or kind when no generator makes it
     */
    public static Step concretise(List<AreaGenerator> generators, Action action, ExploreContext context) {
        AreaGenerator generator = find(generators, action.area()).orElseThrow(() -> new IllegalArgumentException(
                "area: unknown area '" + action.area() + "' (known: "
                        + String.join(", ", generators.stream().map(AreaGenerator::area).toList()) + ")"));
        if (!generator.kinds().contains(action.kind())) {
            throw new IllegalArgumentException("kind: '" + action.kind() + "' is not a kind of area " + action.area()
                    + " (known: " + String.join(", ", new java.util.TreeSet<>(generator.kinds())) + ")");
        }
        return generator.concretise(action, context);
    }
}
