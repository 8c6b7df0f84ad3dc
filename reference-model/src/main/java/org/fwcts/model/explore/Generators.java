package org.fwcts.model.explore;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.explore.ffa.DirectArea;
import org.fwcts.model.explore.ffa.DiscoveryArea;
import org.fwcts.model.explore.ffa.MemoryAccessArea;
import org.fwcts.model.explore.ffa.MemoryArea;
import org.fwcts.model.explore.ffa.NotificationArea;
import org.fwcts.model.explore.ffa.PartitionInfoArea;
import org.fwcts.model.explore.ffa.RxTxArea;

/** The area generators by interface; a new interface (the RMM) adds its list here and the runner takes it as it is. */
public final class Generators {

    private Generators() {
    }

    /** The FF-A areas, from the normal world and from each partition. */
    public static List<AreaGenerator> ffa() {
        return List.of(new DiscoveryArea(), new RxTxArea(), new PartitionInfoArea(), new MemoryArea(),
                new DirectArea(), new NotificationArea(), new MemoryAccessArea());
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
