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
 * Notifications: the normal world's bitmap (create, destroy), bind and unbind of IDs from the
 * peer, set towards the peer, get and info-get, from every endpoint; where the profile has no
 * notifications they are NOT_SUPPORTED, which is checked all the same.
 */
public final class NotificationArea implements AreaGenerator {
    private static final long FROM_SP = 1;
    private static final long FROM_VM = 1 << 1;
    private static final long FROM_SPM = 1 << 2;

    @Override
    public String area() {
        return "notifications";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("bitmap-create", "bitmap-destroy", "bind", "unbind", "set", "get", "info-get");
    }

    @Override
    public void propose(ExploreContext context, Proposals proposals) {
        EndpointId normalWorld = context.normalWorld();
        proposals.addLazily(0.5, () -> Action.of(area(), "bitmap-create", normalWorld));
        proposals.addLazily(0.2, () -> Action.of(area(), "bitmap-destroy", normalWorld));
        proposals.addLazily(0.2, () -> Action.of(area(), "info-get", normalWorld));
        for (EndpointId caller : context.callers()) {
            for (String id : new String[] {"2", "5"}) {
                proposals.addLazily(0.3, () -> Action.of(area(), "bind", caller, "id", id));
                proposals.addLazily(0.15, () -> Action.of(area(), "unbind", caller, "id", id));
                proposals.addLazily(0.3, () -> Action.of(area(), "set", caller, "id", id));
            }
            proposals.addLazily(0.3, () -> Action.of(area(), "get", caller, "from", "peer"));
            proposals.addLazily(0.1, () -> Action.of(area(), "get", caller, "from", "all"));
        }
    }

    @Override
    public Step concretise(Action action, ExploreContext context) {
        EndpointId self = action.caller();
        EndpointId peer = context.peer(self);
        return Step.Call.of(self, switch (action.kind()) {
            case "bitmap-create" -> Registers.of(Choices.smc32(FfaFunction.FFA_NOTIFICATION_BITMAP_CREATE), self.value(), 1);
            case "bitmap-destroy" -> Registers.of(Choices.smc32(FfaFunction.FFA_NOTIFICATION_BITMAP_DESTROY), self.value());
            case "bind" -> binding(FfaFunction.FFA_NOTIFICATION_BIND, peer, self, action);
            case "unbind" -> binding(FfaFunction.FFA_NOTIFICATION_UNBIND, peer, self, action);
            case "set" -> binding(FfaFunction.FFA_NOTIFICATION_SET, self, peer, action);
            case "get" -> Registers.of(Choices.smc32(FfaFunction.FFA_NOTIFICATION_GET), self.value(),
                    "all".equals(action.param("from")) ? FROM_SP | FROM_VM | FROM_SPM : peer.isSecure() ? FROM_SP : FROM_VM);
            default -> Registers.of(Choices.smc64(FfaFunction.FFA_NOTIFICATION_INFO_GET));
        });
    }

    /** w1 = sender[31:16] | receiver[15:0], w2 = 0 (global), w3/w4 the ID bitmap. */
    private static Registers binding(FfaFunction function, EndpointId sender, EndpointId receiver, Action action) {
        int id = Choices.integer(action, "id", "2");
        if (id < 0 || id > 63) {
            throw new IllegalArgumentException("notifications." + action.kind() + ": parameter 'id': " + id
                    + " is not a notification ID (0 to 63)");
        }
        long ids = 1L << id;
        return Registers.of(Choices.smc32(function), ((long) sender.value() << 16) | receiver.value(), 0,
                ids & 0xFFFF_FFFFL, ids >>> 32);
    }
}
