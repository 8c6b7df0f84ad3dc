package org.fwcts.model.firmware;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fwcts.model.Registers;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.ffa.Uuid;
import org.fwcts.model.ffa.discovery.PartitionInfoDescriptor;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.ffa.spmc.FfaState;
import org.fwcts.model.mediator.SecureSide;

/**
 * What a hypervisor's FF-A mediator does with the SPMC before any guest runs (Xen's
 * ffa_probe_fw): it agrees its own version as the normal world, asks FFA_FEATURES for each
 * ABI it may forward, and maps its own RX/TX pair. The SPMC model answers as the conforming SPMC would.
 */
final class HypervisorBoot implements SecureSide {
    private static final long SUCCESS_32 = FfaFunction.FFA_SUCCESS.x0();
    private static final long HYPERVISOR_TX = 0xBFF0_0000L;
    private static final long HYPERVISOR_RX = 0xBFF0_1000L;
    private final SpmcModel spmc;
    private final FfaState state;
    private final Map<Long, Boolean> supported = new HashMap<>();

    HypervisorBoot(SpmcModel spmc, SpecVersion version) {
        this.spmc = spmc;
        FfaState booted = spmc.freshBoot();
        booted = step(booted, Registers.of(FfaFunction.FFA_VERSION.x0(), version.encode()));
        // Xen's first FFA_FEATURES query closes its negotiation.
        booted = step(booted, Registers.of(FfaFunction.FFA_FEATURES.x0(), FfaFunction.FFA_VERSION.x0()));
        // ffa_rxtx_init maps the buffers Xen shares guests' memory from (xenheap pages: the
        // addresses are Xen's; these stand for them).
        booted = step(booted, Registers.of(FfaFunction.FFA_RXTX_MAP.x0Smc64(), HYPERVISOR_TX, HYPERVISOR_RX, 1));
        this.state = booted;
    }

    FfaState state() {
        return state;
    }

    private FfaState step(FfaState from, Registers call) {
        FfaOutcome outcome = spmc.step(from, FfaCall.of(EndpointId.HYPERVISOR, call));
        if (!(outcome instanceof FfaOutcome.Predicted predicted)) {
            return from;
        }
        FfaPrediction primary = predicted.primary();
        return primary.after().given(ConformingAnswer.registers(primary.registers(), call));
    }

    @Override
    public synchronized boolean supports(long functionId) {
        return supported.computeIfAbsent(functionId, id -> {
            Registers query = Registers.of(FfaFunction.FFA_FEATURES.x0(), id);
            FfaOutcome outcome = spmc.step(state, FfaCall.of(EndpointId.HYPERVISOR, query));
            if (!(outcome instanceof FfaOutcome.Predicted predicted)) {
                return false;
            }
            Registers answer = ConformingAnswer.registers(predicted.primary().registers(), query);
            return (answer.x(0) & 0xFFFF_FFFFL) == SUCCESS_32;
        });
    }

    /** Each SP once per UUID, as an SPMC lists them to a v1.1+ caller asking with the nil UUID. */
    @Override
    public List<PartitionInfoDescriptor> partitions() {
        List<PartitionInfoDescriptor> list = new ArrayList<>();
        for (Partition partition : spmc.topology().partitions()) {
            List<Uuid> uuids = partition.uuids().isEmpty() ? List.of(Uuid.NIL) : partition.uuids();
            for (Uuid uuid : uuids) {
                list.add(PartitionInfoDescriptor.of(partition.id(), partition.executionContextCount(),
                        partition.properties()).withProtocolUuid(uuid));
            }
        }
        return list;
    }
}
