package org.fwcts.model.explore;

import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;

/** An action made concrete against the model's current state: what the runner issues. */
public sealed interface Step {

    /** The endpoint that makes the step. */
    EndpointId caller();

    /**
     * An FF-A call with its TX bytes.
     *
     * @param remainder the descriptor bytes a fragmented send still has to send with FFA_MEM_FRAG_TX
     */
    record Call(EndpointId caller, Registers registers, byte[] tx, Optional<byte[]> remainder) implements Step {
        public Call {
            tx = tx.clone();
        }

        public static Call of(EndpointId caller, Registers registers) {
            return new Call(caller, registers, new byte[0], Optional.empty());
        }

        public static Call of(EndpointId caller, Registers registers, byte[] tx) {
            return new Call(caller, registers, tx, Optional.empty());
        }

        @Override
        public byte[] tx() {
            return tx.clone();
        }
    }

    /**
     * A real memory access by {@code caller} to the page at {@code address}, checked against the
     * model's access map (only proposed where hardware enforces that endpoint's access).
     */
    record Probe(EndpointId caller, long address, MemoryAccess access) implements Step {
    }

    /** A command to the partition agent in {@code caller} (a direct request and its response, both forwarded by the SPMC). */
    record Ping(EndpointId caller, long[] payload) implements Step {
        public Ping {
            payload = payload.clone();
        }

        @Override
        public long[] payload() {
            return payload.clone();
        }
    }

    /** A step of another interface (the RMM's), issued by that interface's executor. */
    non-sealed interface Extension extends Step {
    }

    /** The kinds of memory access a probe makes. */
    enum MemoryAccess { READ, EXECUTE }
}
