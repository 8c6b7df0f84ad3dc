package org.fwcts.model.explore.rmm;

import java.util.Optional;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.rmm.Realm;
import org.fwcts.model.rmm.RmiFunction;

/**
 * The realm life cycle of slots {@code a} and {@code b}: create (delegating the RD and root RTT
 * first), activate, destroy; near misses: an RD never delegated, an IPA width no RMM accepts, a
 * second create, activating twice, destroying a realm still in use.
 */
final class RealmArea extends RmmArea {
    static final String[] SLOTS = {"a", "b"};

    RealmArea() {
        super("realm", "create", "activate", "destroy");
    }

    @Override
    void propose(RmmWorld world, EndpointId host, Proposals proposals) {
        for (String slot : SLOTS) {
            Optional<Realm> realm = world.realm(slot);
            if (realm.isEmpty()) {
                proposals.add(2, action(host, "create", "realm", slot, "form", "valid"));
                proposals.add(0.15, action(host, "create", "realm", slot, "form", "rd-undelegated"));
                proposals.add(0.15, action(host, "create", "realm", slot, "form", "bad-s2sz"));
                proposals.add(0.1, action(host, "activate", "realm", slot));
                continue;
            }
            proposals.add(0.1, action(host, "create", "realm", slot, "form", "valid"));
            boolean isNew = realm.get().lifecycle() == Realm.Lifecycle.NEW;
            proposals.add(isNew ? 0.8 : 0.1, action(host, "activate", "realm", slot));
            boolean empty = realm.get().liveRecs() == 0 && world.state().tables().keySet().stream()
                    .noneMatch(t -> t == world.granule(slot + ".l2") || t == world.granule(slot + ".l3"));
            proposals.add(empty ? 0.6 : 0.1, action(host, "destroy", "realm", slot));
        }
    }

    @Override
    void concretise(Action action, RmmWorld world, RmmCalls calls) {
        String slot = slot(action);
        long rd = world.rd(slot);
        switch (action.kind()) {
            case "create" -> {
                String form = action.param("form", "valid");
                long root = world.granule(slot + ".root");
                calls.delegated(root);
                if (!form.equals("rd-undelegated")) {
                    calls.delegated(rd);
                }
                switch (form) {
                    case "valid", "rd-undelegated" -> calls.realmCreate(slot, rd, root, RmmWorld.S2SZ);
                    case "bad-s2sz" -> calls.realmCreate(slot, rd, root, 60);
                    default -> throw badChoice(action, "form", "valid", "rd-undelegated", "bad-s2sz");
                }
            }
            case "activate" -> calls.rmi(RmiFunction.RMI_REALM_ACTIVATE, rd);
            default -> calls.rmi(RmiFunction.RMI_REALM_DESTROY, rd);
        }
    }
}
