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
import org.fwcts.model.ffa.Uuid;

/**
 * Partition information: FFA_PARTITION_INFO_GET for the nil UUID, a partition's UUID and one no
 * partition has, with and without the count-only flag; FFA_PARTITION_INFO_GET_REGS; from every endpoint.
 */
public final class PartitionInfoArea implements AreaGenerator {
    private static final Uuid NOBODY = Uuid.parse("11111111-2222-3333-4444-555555555555");

    @Override
    public String area() {
        return "partition-info";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("get", "get-regs");
    }

    @Override
    public void propose(ExploreContext context, Proposals proposals) {
        for (EndpointId caller : context.callers()) {
            boolean ready = context.hasMailbox(caller) && !context.rxFull(caller);
            for (String uuid : new String[] {"nil", "partition", "nobody"}) {
                proposals.addLazily(ready ? 0.8 : 0.2,
                        () -> Action.of(area(), "get", caller, "uuid", uuid, "flags", "0"));
                proposals.addLazily(0.15, () -> Action.of(area(), "get", caller, "uuid", uuid, "flags", "1"));
            }
            proposals.addLazily(0.2, () -> Action.of(area(), "get-regs", caller, "uuid", "nil", "start", "0"));
            proposals.addLazily(0.1, () -> Action.of(area(), "get-regs", caller, "uuid", "partition", "start", "1"));
        }
    }

    @Override
    public Step concretise(Action action, ExploreContext context) {
        Uuid uuid = switch (action.param("uuid")) {
            case "nil" -> Uuid.NIL;
            case "partition" -> context.topology().partitions().isEmpty() ? NOBODY
                    : context.topology().partitions().get(0).uuids().get(0);
            case "nobody" -> NOBODY;
            default -> throw new IllegalArgumentException(area() + "." + action.kind() + ": parameter 'uuid': '"
                    + action.param("uuid") + "' is not one of nil, partition, nobody");
        };
        if (action.kind().equals("get")) {
            int[] w = uuid.registerWords();
            return Step.Call.of(action.caller(), Registers.of(Choices.smc32(FfaFunction.FFA_PARTITION_INFO_GET),
                    w[0] & 0xFFFF_FFFFL, w[1] & 0xFFFF_FFFFL, w[2] & 0xFFFF_FFFFL, w[3] & 0xFFFF_FFFFL,
                    Choices.integer(action, "flags", "0")));
        }
        long[] pair = uuid.registerPair();
        return Step.Call.of(action.caller(), Registers.of(Choices.smc64(FfaFunction.FFA_PARTITION_INFO_GET_REGS),
                pair[0], pair[1], Choices.integer(action, "start", "0")));
    }
}
