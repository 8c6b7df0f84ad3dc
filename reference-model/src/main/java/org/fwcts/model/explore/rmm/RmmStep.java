package org.fwcts.model.explore.rmm;

import java.util.List;
import org.fwcts.model.MemoryWrite;
import org.fwcts.model.Registers;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.EndpointId;

/**
 * An RMM action made concrete: the calls it makes, in order, each judged on its own. Most actions
 * are one call; an action that needs granules delegated first delegates them (one judged call
 * each), a REC's creation carries its stateful operation to the end, and the agent realm's build
 * is every call of building a realm that runs the realm agent. The executor stops at the first
 * call that does not pass.
 */
public record RmmStep(EndpointId caller, List<Op> ops) implements Step.Extension {

    public RmmStep {
        ops = List.copyOf(ops);
    }

    /** One call of an RMM step. */
    public sealed interface Op {
    }

    /** An RMI command from the host. */
    public record Rmi(Registers registers, List<MemoryWrite> writes) implements Op {
        public Rmi {
            writes = List.copyOf(writes);
        }
    }

    /**
     * REC_CREATE in the profile's ABI: one call under RMI 1.0; under 2.0 a stateful operation whose
     * every INCOMPLETE the executor answers (donate {@code aux} from an address list at {@code list},
     * continue, reclaim) until it ends.
     */
    public record RecCreate(long rd, long rec, long paramsAddress, byte[] params, long[] aux, long list) implements Op {
        public RecCreate {
            params = params.clone();
            aux = aux.clone();
        }
    }

    /** REC_DESTROY, its operation carried to the end under RMI 2.0 (the granules reclaimed into {@code list}). */
    public record RecDestroy(long rec, long list) implements Op {
    }

    /**
     * A command to the realm agent on {@code rec} of the realm numbered {@code ordinal} on this boot
     * (RealmCall's encoding), carried by REC_ENTER with the run structure at {@code run}.
     */
    public record RealmCommand(int ordinal, long rec, long run, Registers command) implements Op {
    }

    /** A normal-world read of the granule at {@code address}: faults exactly while the RMM holds it. */
    public record Probe(long address) implements Op {
    }
}
