package org.fwcts.model.explore.rmm;

import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.rmm.GranuleState;

/**
 * Granule delegation: delegate and undelegate pool granules and realm granules the slots are done
 * with, and a normal-world read of a granule (it must fault while the RMM holds it); near misses:
 * a second delegation, undelegating a granule in use, a misaligned address, one outside the memory
 * the RMM tracks.
 */
final class GranuleArea extends RmmArea {
    private static final String[] FORMS = {"exact", "misaligned", "untracked"};
    /** Below DRAM on QEMU virt (flash): not a granule the RMM tracks. */
    private static final long UNTRACKED = 0x1000;

    GranuleArea() {
        super("granule", "delegate", "undelegate", "probe");
    }

    @Override
    void propose(RmmWorld world, EndpointId host, Proposals proposals) {
        for (int i = 0; i < RmmWorld.POOL; i++) {
            String name = "pool:" + i;
            boolean delegated = world.state().granule(world.granule(name)) != GranuleState.UNDELEGATED;
            proposals.add(delegated ? 0.15 : 0.6, action(host, "delegate", "granule", name, "form", "exact"));
            proposals.add(delegated ? 0.6 : 0.1, action(host, "undelegate", "granule", name, "form", "exact"));
            proposals.add(0.3, action(host, "probe", "granule", name));
        }
        proposals.add(0.1, action(host, "delegate", "granule", "pool:0", "form", "misaligned"));
        proposals.add(0.1, action(host, "delegate", "granule", "pool:1", "form", "untracked"));
        proposals.add(0.1, action(host, "undelegate", "granule", "pool:2", "form", "misaligned"));
        for (String slot : new String[] {"a", "b", RmmWorld.AGENT}) {
            for (String role : new String[] {"rd", "root", "rec", "l3"}) {
                String name = slot + "." + role;
                GranuleState state = world.state().granule(world.granule(name));
                if (state != GranuleState.UNDELEGATED) {
                    // A granule a slot is done with (DELEGATED) goes back; one in use is a near miss.
                    proposals.add(state == GranuleState.DELEGATED ? 0.3 : 0.08,
                            action(host, "undelegate", "granule", name, "form", "exact"));
                    proposals.add(0.1, action(host, "probe", "granule", name));
                }
            }
        }
    }

    @Override
    void concretise(Action action, RmmWorld world, RmmCalls calls) {
        long granule = world.granule(action.param("granule"));
        if (action.kind().equals("probe")) {
            calls.probe(granule);
            return;
        }
        long address = switch (action.param("form", "exact")) {
            case "exact" -> granule;
            case "misaligned" -> granule + 0x800;
            case "untracked" -> UNTRACKED;
            default -> throw badChoice(action, "form", FORMS);
        };
        if (action.kind().equals("delegate")) {
            calls.delegate(address);
        } else {
            calls.undelegate(address);
        }
    }
}
