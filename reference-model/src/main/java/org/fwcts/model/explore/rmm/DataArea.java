package org.fwcts.model.explore.rmm;

import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.rmm.GranuleState;
import org.fwcts.model.rmm.Realm;

/**
 * Realm data of slots {@code a} and {@code b}: DATA_CREATE from a source page (RTT_DATA_MAP_INIT
 * under RMI 2.0), DATA_CREATE_UNKNOWN (RTT_DATA_MAP), DATA_DESTROY (RTT_DATA_UNMAP), the data
 * granule delegated first; near misses: a granule never delegated, an unprotected IPA, one beyond
 * the IPA space, and creating data once the realm is active.
 */
final class DataArea extends RmmArea {
    private static final String[] IPAS = {"protected", "unprotected", "outside"};

    DataArea() {
        super("data", "create", "create-unknown", "destroy");
    }

    @Override
    void propose(RmmWorld world, EndpointId host, Proposals proposals) {
        for (String slot : world.slotsWithRealms()) {
            boolean isNew = world.realm(slot).get().lifecycle() == Realm.Lifecycle.NEW;
            boolean l3 = world.state().granule(world.granule(slot + ".l3")) == GranuleState.RTT;
            for (int n = 0; n < RmmWorld.SLOT_DATA; n++) {
                String data = String.valueOf(n);
                boolean mapped = world.state().granule(world.granule(slot + ".data:" + n)) == GranuleState.DATA;
                proposals.add(l3 && isNew && !mapped ? 0.5 : 0.05, action(host, "create", "realm", slot, "n", data,
                        "ipa", "protected", "delegate", "yes"));
                proposals.add(l3 && !mapped ? 0.3 : 0.05, action(host, "create-unknown", "realm", slot, "n", data,
                        "ipa", "protected", "delegate", "yes"));
                proposals.add(mapped ? 0.5 : 0.05, action(host, "destroy", "realm", slot, "n", data, "ipa", "protected"));
            }
            proposals.add(0.1, action(host, "create", "realm", slot, "n", "0", "ipa", "protected", "delegate", "no"));
            proposals.add(0.2, action(host, "create", "realm", slot, "n", "1", "ipa", "unprotected", "delegate", "yes"));
            proposals.add(0.1, action(host, "create", "realm", slot, "n", "2", "ipa", "outside", "delegate", "yes"));
            proposals.add(0.1, action(host, "create-unknown", "realm", slot, "n", "3", "ipa", "unprotected",
                    "delegate", "yes"));
        }
    }

    @Override
    void concretise(Action action, RmmWorld world, RmmCalls calls) {
        String slot = slot(action);
        int n = number(action, "n");
        long page = RmmWorld.BASE_IPA + (n % RmmWorld.SLOT_DATA) * RmmWorld.GRANULE;
        long ipa = switch (action.param("ipa")) {
            case "protected" -> page;
            case "unprotected" -> world.unprotected(page);
            case "outside" -> page | 1L << RmmWorld.S2SZ;
            default -> throw badChoice(action, "ipa", IPAS);
        };
        long rd = world.rd(slot);
        long data = world.granule(slot + ".data:" + n);
        if (!action.kind().equals("destroy") && !"no".equals(action.param("delegate", "yes"))) {
            calls.delegated(data);
        }
        switch (action.kind()) {
            case "create" -> {
                byte[] bytes = new byte[(int) RmmWorld.GRANULE];
                java.util.Arrays.fill(bytes, (byte) (0x40 + n));
                calls.dataCreate(rd, data, ipa, bytes);
            }
            case "create-unknown" -> calls.dataCreateUnknown(rd, data, ipa);
            default -> calls.dataDestroy(rd, ipa);
        }
    }
}
