package org.fwcts.model.explore.ffa;

import java.util.Set;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.EndpointId;

/**
 * Real accesses to the pages the memory area sends, by endpoints whose access hardware enforces
 * (the topology says which): the normal world executes code it places (where it can write), a
 * partition reads. Each is checked against the model's access map; elsewhere the map is what the
 * specification grants and a real access may go beyond it, so nothing is proposed there.
 */
public final class MemoryAccessArea implements AreaGenerator {

    @Override
    public String area() {
        return "access";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("probe");
    }

    @Override
    public void propose(ExploreContext context, Proposals proposals) {
        for (EndpointId caller : context.callers()) {
            if (!context.topology().isEnforced(caller)) {
                continue;
            }
            String access = caller.isSecure() ? "READ" : "EXECUTE";
            for (int page = 0; page < 3; page++) {
                String number = Integer.toString(page);
                proposals.addLazily(0.4, () -> Action.of(area(), "probe", caller, "page", number, "access", access));
            }
        }
    }

    @Override
    public Step concretise(Action action, ExploreContext context) {
        int page = Choices.integer(action, "page", "0");
        if (page < 0 || page >= ExploreContext.REGION_PAGES) {
            throw new IllegalArgumentException("access.probe: parameter 'page': " + page + " is not a region page (0 to "
                    + (ExploreContext.REGION_PAGES - 1) + ")");
        }
        return new Step.Probe(action.caller(), context.page(ExploreContext.FIRST_REGION_PAGE + page),
                Choices.enumValue(action, "access", Step.MemoryAccess.class));
    }
}
