package org.fwcts.model.explore.rmm;

import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.rmm.GranuleState;
import org.fwcts.model.rmm.RmiFunction;

/**
 * Realm translation tables of slots {@code a} and {@code b}: a level-2 then a level-3 RTT at the
 * realm's base IPA (the RTT granule delegated first), destroy, fold, read an entry; near misses: a
 * level-3 RTT with no level 2 above it, a level the walk cannot have, a misaligned IPA, an IPA
 * beyond the realm's IPA space.
 */
final class RttArea extends RmmArea {
    private static final String[] IPAS = {"base", "misaligned", "outside", "unprotected"};

    RttArea() {
        super("rtt", "create", "destroy", "fold", "read-entry");
    }

    @Override
    void propose(RmmWorld world, EndpointId host, Proposals proposals) {
        for (String slot : world.slotsWithRealms()) {
            boolean l2 = world.state().granule(world.granule(slot + ".l2")) == GranuleState.RTT;
            boolean l3 = world.state().granule(world.granule(slot + ".l3")) == GranuleState.RTT;
            proposals.add(l2 ? 0.05 : 1, action(host, "create", "realm", slot, "level", "2", "ipa", "base"));
            proposals.add(l2 && !l3 ? 1 : 0.1, action(host, "create", "realm", slot, "level", "3", "ipa", "base"));
            proposals.add(0.08, action(host, "create", "realm", slot, "level", "3", "ipa", "misaligned"));
            proposals.add(0.08, action(host, "create", "realm", slot, "level", "2", "ipa", "outside"));
            proposals.add(0.08, action(host, "create", "realm", slot, "level", "4", "ipa", "base"));
            proposals.add(0.1, action(host, "create", "realm", slot, "level", "2", "ipa", "unprotected"));
            proposals.add(l3 ? 0.3 : 0.05, action(host, "destroy", "realm", slot, "level", "3", "ipa", "base"));
            proposals.add(l2 && !l3 ? 0.3 : 0.05, action(host, "destroy", "realm", slot, "level", "2", "ipa", "base"));
            proposals.add(l3 ? 0.2 : 0.03, action(host, "fold", "realm", slot, "level", "3", "ipa", "base"));
            for (String level : new String[] {"1", "2", "3"}) {
                proposals.add(0.25, action(host, "read-entry", "realm", slot, "level", level, "ipa", "base"));
            }
            proposals.add(0.1, action(host, "read-entry", "realm", slot, "level", "3", "ipa", "outside"));
        }
    }

    @Override
    void concretise(Action action, RmmWorld world, RmmCalls calls) {
        String slot = slot(action);
        int level = number(action, "level");
        long ipa = switch (action.param("ipa")) {
            case "base" -> RmmWorld.BASE_IPA;
            case "misaligned" -> RmmWorld.BASE_IPA + RmmWorld.GRANULE;
            case "outside" -> RmmWorld.BASE_IPA | 1L << RmmWorld.S2SZ;
            case "unprotected" -> world.unprotected(RmmWorld.BASE_IPA);
            default -> throw badChoice(action, "ipa", IPAS);
        };
        long rd = world.rd(slot);
        switch (action.kind()) {
            case "create" -> {
                long rtt = world.granule(slot + (level <= 2 ? ".l2" : ".l3"));
                calls.delegated(rtt).rmi(RmiFunction.RMI_RTT_CREATE, rd, rtt, ipa, level);
            }
            case "destroy" -> calls.rmi(RmiFunction.RMI_RTT_DESTROY, rd, ipa, level);
            case "fold" -> calls.rmi(RmiFunction.RMI_RTT_FOLD, rd, ipa, level);
            default -> calls.rmi(RmiFunction.RMI_RTT_READ_ENTRY, rd, ipa, level);
        }
    }
}
