package org.fwcts.model.explore.rmm;

import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.rmm.GranuleState;
import org.fwcts.model.rmm.Realm;
import org.fwcts.model.rmm.RmiFunction;

/**
 * RECs of slots {@code a} and {@code b}: create (the REC and its auxiliary granules delegated
 * first; under RMI 1.0 after REC_AUX_COUNT, under 2.0 the stateful REC_CREATE carried to its end)
 * and destroy; near misses: a REC of a realm already active, an MPIDR out of order, a REC granule
 * never delegated, entering a REC whose realm is not active, a REC given as another realm's RD.
 */
final class RecArea extends RmmArea {

    RecArea() {
        super("rec", "create", "destroy", "enter");
    }

    @Override
    void propose(RmmWorld world, EndpointId host, Proposals proposals) {
        for (String slot : world.slotsWithRealms()) {
            Realm realm = world.realm(slot).get();
            boolean exists = world.rec(slot).isPresent();
            boolean isNew = realm.lifecycle() == Realm.Lifecycle.NEW;
            proposals.add(!exists && isNew ? 0.8 : 0.05, action(host, "create", "realm", slot, "mpidr", "next",
                    "delegate", "yes"));
            proposals.add(0.08, action(host, "create", "realm", slot, "mpidr", "skip", "delegate", "yes"));
            proposals.add(0.05, action(host, "create", "realm", slot, "mpidr", "next", "delegate", "no"));
            proposals.add(exists ? 0.4 : 0.05, action(host, "destroy", "realm", slot, "rec", "own"));
            proposals.add(0.05, action(host, "destroy", "realm", slot, "rec", "rd"));
            if (exists && isNew) {
                // The realm is not active: an entry is refused before the REC runs anything.
                proposals.add(0.2, action(host, "enter", "realm", slot));
            }
        }
    }

    @Override
    void concretise(Action action, RmmWorld world, RmmCalls calls) {
        String slot = slot(action);
        long rd = world.rd(slot);
        long rec = world.granule(slot + ".rec");
        switch (action.kind()) {
            case "create" -> {
                int next = world.realm(slot).map(Realm::nextRecIndex).orElse(0);
                long mpidr = switch (action.param("mpidr")) {
                    case "next" -> next;
                    case "skip" -> next + 1;
                    default -> throw badChoice(action, "mpidr", "next", "skip");
                };
                boolean delegate = !"no".equals(action.param("delegate", "yes"));
                if (!delegate && world.state().granule(rec) != GranuleState.UNDELEGATED) {
                    // The near miss needs the REC granule undelegated: use a pool page the pool left so.
                    rec = world.granule("pool:7");
                }
                calls.recCreate(rd, rec, calls.aux(slot), true, mpidr, delegate);
            }
            case "destroy" -> calls.recDestroy("rd".equals(action.param("rec", "own")) ? rd : rec);
            default -> {
                // Only a realm that is not active is entered here: its REC must not run (it has no code).
                boolean active = world.realm(slot).filter(r -> r.lifecycle() != Realm.Lifecycle.NEW).isPresent();
                calls.rmi(RmiFunction.RMI_REC_ENTER, active ? world.granule("pool:7") : rec, world.runPage());
            }
        }
    }
}
