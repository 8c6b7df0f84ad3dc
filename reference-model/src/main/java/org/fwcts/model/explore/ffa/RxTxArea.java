package org.fwcts.model.explore.ffa;

import java.util.Set;
import org.fwcts.model.Registers;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;

/**
 * RX/TX buffers: map (own buffers, SMC32 or SMC64; near misses: TX equal to RX, unaligned, no
 * pages, a second map), unmap (own ID, another's), RX release and acquire, from every endpoint.
 */
public final class RxTxArea implements AreaGenerator {
    private static final String[] FORMS = {"own", "same", "unaligned", "no-pages"};

    @Override
    public String area() {
        return "rxtx";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("map", "unmap", "rx-release", "rx-acquire");
    }

    @Override
    public void propose(ExploreContext context, Proposals proposals) {
        for (EndpointId caller : context.callers()) {
            if (!context.knowsBuffers(caller)) {
                continue;
            }
            boolean mapped = context.hasMailbox(caller);
            for (String form : FORMS) {
                double weight = form.equals("own") ? (mapped ? 0.4 : 12) : 0.1;
                proposals.addLazily(weight, () -> Action.of(area(), "map", caller, "buffers", form, "conduit", "64"));
            }
            proposals.addLazily(mapped ? 0.2 : 0.05,
                    () -> Action.of(area(), "map", caller, "buffers", "own", "conduit", "32"));
            proposals.addLazily(mapped ? 0.4 : 0.1, () -> Action.of(area(), "unmap", caller, "id", "own"));
            proposals.addLazily(0.1, () -> Action.of(area(), "unmap", caller, "id", "other"));
            proposals.addLazily(context.rxFull(caller) ? 6 : 0.3, () -> Action.of(area(), "rx-release", caller));
            proposals.addLazily(0.1, () -> Action.of(area(), "rx-acquire", caller));
        }
    }

    @Override
    public Step concretise(Action action, ExploreContext context) {
        EndpointId caller = action.caller();
        switch (action.kind()) {
            case "map": {
                long tx = context.txAddress(caller);
                long rx = context.rxAddress(caller);
                long pages = 1;
                switch (action.param("buffers")) {
                    case "own" -> { }
                    case "same" -> rx = tx;
                    case "unaligned" -> tx += 0x10;
                    case "no-pages" -> pages = 0;
                    default -> throw new IllegalArgumentException("rxtx.map: parameter 'buffers': '"
                            + action.param("buffers") + "' is not one of own, same, unaligned, no-pages");
                }
                return Step.Call.of(caller, Registers.of(Choices.form(FfaFunction.FFA_RXTX_MAP, action), tx, rx, pages));
            }
            case "unmap": {
                EndpointId named = "own".equals(action.param("id")) ? caller
                        : context.peer(caller);
                // x1[31:16] names the endpoint whose buffers go (a hypervisor's view); an endpoint names itself or 0.
                long id = caller.isSecure() || !"own".equals(action.param("id")) ? named.value() : 0;
                return Step.Call.of(caller, Registers.of(Choices.smc32(FfaFunction.FFA_RXTX_UNMAP), id << 16));
            }
            case "rx-release":
                return Step.Call.of(caller, Registers.of(Choices.smc32(FfaFunction.FFA_RX_RELEASE)));
            default:
                return Step.Call.of(caller, Registers.of(Choices.smc32(FfaFunction.FFA_RX_ACQUIRE), caller.value()));
        }
    }
}
