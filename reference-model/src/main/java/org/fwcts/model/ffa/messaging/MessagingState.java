package org.fwcts.model.ffa.messaging;

import java.util.HashMap;
import java.util.Map;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.ffa.Topology;

/**
 * The run state of each partition's execution context as far as its callers can see it.
 *
 * <p>FF-A calls carry no core number and the harness drives every endpoint from the primary core,
 * so the model tracks one execution context per partition: context 0, the one that core runs (TF-A
 * {@code get_ec_index} and Hafnium {@code api_ffa_get_vm_vcpu} pick the caller's core for
 * multi-context partitions and context 0 for single-context ones).
 *
 * @param contexts execution context 0 of each partition of the topology
 */
public record MessagingState(Map<EndpointId, ExecutionContext> contexts) {
    /** The one execution context the model tracks; FFA_RUN must name it. */
    public static final int MODELLED_CONTEXT = 0;

    public MessagingState {
        contexts = Map.copyOf(contexts);
    }

    /** Every partition waiting: each initialised and called FFA_MSG_WAIT before the harness starts. */
    public static MessagingState initial(Topology topology) {
        Map<EndpointId, ExecutionContext> waiting = new HashMap<>();
        for (Partition partition : topology.partitions()) {
            waiting.put(partition.id(), ExecutionContext.WAITING);
        }
        return new MessagingState(waiting);
    }

    /** Context 0 of {@code partition}; handlers look the partition up in the topology first. */
    public ExecutionContext context(EndpointId partition) {
        return contexts.getOrDefault(partition, ExecutionContext.WAITING);
    }

    public MessagingState with(EndpointId partition, ExecutionContext context) {
        Map<EndpointId, ExecutionContext> changed = new HashMap<>(contexts);
        changed.put(partition, context);
        return new MessagingState(changed);
    }
}
