package org.fwcts.model.explore.rmm;

import java.util.Set;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.EndpointId;

/** What the RMM generators share: the world from the context, host actions, reading parameters. */
abstract class RmmArea implements AreaGenerator {
    private final String area;
    private final Set<String> kinds;

    RmmArea(String area, String... kinds) {
        this.area = area;
        this.kinds = Set.of(kinds);
    }

    @Override
    public final String area() {
        return area;
    }

    @Override
    public final Set<String> kinds() {
        return kinds;
    }

    @Override
    public final void propose(ExploreContext context, Proposals proposals) {
        RmmWorld.of(context).ifPresent(world -> propose(world, context.normalWorld(), proposals));
    }

    @Override
    public final Step concretise(Action action, ExploreContext context) {
        RmmWorld world = RmmWorld.of(context).orElseThrow(() -> new IllegalArgumentException(
                area + ": an RMM area on a target without an RMM"));
        RmmCalls calls = new RmmCalls(world);
        concretise(action, world, calls);
        return calls.step(action);
    }

    abstract void propose(RmmWorld world, EndpointId host, Proposals proposals);

    abstract void concretise(Action action, RmmWorld world, RmmCalls calls);

    /** An action of this area by the host with choices given as name, value, … */
    final Action action(EndpointId host, String kind, String... nameValues) {
        return Action.of(area, kind, host, nameValues);
    }

    static String slot(Action action) {
        String slot = action.param("realm");
        RmmWorld.slotIndex(slot);
        return slot;
    }

    static int number(Action action, String name) {
        String text = action.param(name);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(action.area() + "." + action.kind() + ": parameter '" + name + "': '"
                    + text + "' is not a number", e);
        }
    }

    static IllegalArgumentException badChoice(Action action, String name, String... known) {
        return new IllegalArgumentException(action.area() + "." + action.kind() + ": parameter '" + name + "': '"
                + action.param(name) + "' is not one of " + String.join(", ", known));
    }
}
