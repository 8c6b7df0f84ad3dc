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
import org.fwcts.model.ffa.Partition;

/**
 * Direct messaging: a round trip to each partition agent (the request and the response both
 * forwarded by the SPMC, both checked), and requests the SPMC must refuse: to nobody, with a
 * sender field that is not the caller, with reserved flags, a response from the normal world, a
 * partition's request to itself while it runs one.
 */
public final class DirectArea implements AreaGenerator {
    private static final String[] REFUSED = {"nobody", "wrong-sender", "flags", "response", "to-self"};

    @Override
    public String area() {
        return "direct";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("ping", "refused");
    }

    @Override
    public void propose(ExploreContext context, Proposals proposals) {
        for (Partition partition : context.topology().partitions()) {
            proposals.addLazily(1, () -> Action.of(area(), "ping", partition.id(), "value", "0x5a5a0001"));
            proposals.addLazily(0.1, () -> Action.of(area(), "refused", partition.id(), "form", "to-self"));
        }
        for (String form : REFUSED) {
            if (!form.equals("to-self")) {
                proposals.addLazily(0.15, () -> Action.of(area(), "refused", context.normalWorld(), "form", form));
            }
        }
    }

    @Override
    public Step concretise(Action action, ExploreContext context) {
        if (action.kind().equals("ping")) {
            long value = action.hexParam("value");
            return new Step.Ping(action.caller(), new long[] {value, ~value, value ^ 0x1234});
        }
        EndpointId caller = action.caller();
        EndpointId partition = context.topology().partitions().isEmpty() ? EndpointId.of(0x8001)
                : context.topology().partitions().get(0).id();
        long request = Choices.smc64(FfaFunction.FFA_MSG_SEND_DIRECT_REQ);
        long self = caller.value();
        Registers call = switch (action.param("form")) {
            case "nobody" -> Registers.of(request, self << 16 | 0x8009, 0, 1, 2, 3, 4, 5);
            case "wrong-sender" -> Registers.of(request, (long) partition.value() << 16 | partition.value(), 0, 1, 2, 3);
            case "flags" -> Registers.of(request, self << 16 | partition.value(), 1, 1, 2, 3);
            case "response" -> Registers.of(Choices.smc64(FfaFunction.FFA_MSG_SEND_DIRECT_RESP),
                    self << 16 | partition.value(), 0, 1, 2, 3);
            case "to-self" -> Registers.of(request, self << 16 | self, 0, 1, 2, 3, 4, 5);
            default -> throw new IllegalArgumentException("direct.refused: parameter 'form': '" + action.param("form")
                    + "' is not one of " + String.join(", ", REFUSED));
        };
        return Step.Call.of(caller, call);
    }
}
