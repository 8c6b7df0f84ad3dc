package org.fwcts.model.explore;

import java.util.Set;

/**
 * The generator of one interface area (FF-A memory, RX/TX buffers…; RMM commands later): it
 * proposes the actions that make sense in the model's current state, mostly valid calls that move
 * the state machine and some near misses, and makes an action concrete when it runs. Pure: it
 * reads the context and draws nothing random itself, so a sequence is a function of the seed.
 */
public interface AreaGenerator {

    /** The name {@code --area} selects it by, e.g. {@code memory}. */
    String area();

    /** The kinds of action it makes, for reading scenario files. */
    Set<String> kinds();

    /** Adds the actions that make sense now, each with a weight, to {@code proposals}. */
    void propose(ExploreContext context, Proposals proposals);

    /**
     * The concrete step of {@code action} (one of this area's kinds) in the current state.
     *
     * @throws IllegalArgumentException naming the parameter when the action (from a file) is malformed
     */
    Step concretise(Action action, ExploreContext context);
}
