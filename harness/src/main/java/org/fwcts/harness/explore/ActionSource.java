package org.fwcts.harness.explore;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.AreaSelection;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.Proposals;

/** Where a sequence's actions come from: drawn from the generators as the state evolves, or a fixed list (a replay). */
public interface ActionSource {

    /** The next action in {@code context}; empty when the sequence is over. */
    Optional<Action> next(ExploreContext context);

    /** Draws up to {@code length} actions from {@code areas}' proposals with {@code random}. */
    static ActionSource generated(AreaSelection areas, SplittableRandom random, int length) {
        return new ActionSource() {
            private int drawn;

            @Override
            public Optional<Action> next(ExploreContext context) {
                if (drawn >= length) {
                    return Optional.empty();
                }
                Proposals proposals = areas.propose(context);
                if (proposals.isEmpty()) {
                    return Optional.empty();
                }
                drawn++;
                return Optional.of(proposals.draw(random));
            }
        };
    }

    /** The actions of {@code actions}, in order. */
    static ActionSource replay(List<Action> actions) {
        return new ActionSource() {
            private int next;

            @Override
            public Optional<Action> next(ExploreContext context) {
                return next < actions.size() ? Optional.of(actions.get(next++)) : Optional.empty();
            }
        };
    }
}
