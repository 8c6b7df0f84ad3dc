package org.fwcts.model.explore.ffa;

import java.util.List;
import java.util.Set;
import org.fwcts.model.Registers;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;

/** FFA_VERSION (negotiation, and versions no SPMC knows), FFA_FEATURES, FFA_ID_GET and FFA_SPM_ID_GET, from every endpoint. */
public final class DiscoveryArea implements AreaGenerator {
    /** v1.0, v1.1, v1.2, v2.0, a minor no one implements, and bit 31 set (not a version). */
    private static final List<Long> VERSIONS = List.of(0x1_0000L, 0x1_0001L, 0x1_0002L, 0x2_0000L, 0x1_0063L,
            0x8001_0002L);
    /** Functions asked about: present, absent, and an ID outside FF-A's range. */
    private static final List<Long> FEATURES = List.of(Choices.smc32(FfaFunction.FFA_RXTX_MAP),
            Choices.smc64(FfaFunction.FFA_RXTX_MAP), Choices.smc64(FfaFunction.FFA_MEM_SHARE),
            Choices.smc32(FfaFunction.FFA_MEM_RETRIEVE_REQ), Choices.smc32(FfaFunction.FFA_NOTIFICATION_BIND),
            Choices.smc32(FfaFunction.FFA_MSG_SEND2), Choices.smc64(FfaFunction.FFA_PARTITION_INFO_GET_REGS),
            0x8400_00FFL, 0x1L, 0x2L, 0x3L);

    @Override
    public String area() {
        return "discovery";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("version", "features", "id-get", "spm-id-get");
    }

    @Override
    public void propose(ExploreContext context, Proposals proposals) {
        for (EndpointId caller : context.callers()) {
            boolean agreed = context.state().endpoint(caller).version().agreed().isPresent();
            for (long version : VERSIONS) {
                // Nothing but discovery works before a version is agreed: make that the likely first step.
                double weight = version == 0x1_0002L ? (agreed ? 0.3 : 40) : 0.15;
                proposals.addLazily(weight,
                        () -> Action.of(area(), "version", caller, "version", Choices.hex(version)));
            }
            for (long function : FEATURES) {
                proposals.addLazily(0.1,
                        () -> Action.of(area(), "features", caller, "function", Choices.hex(function)));
            }
            proposals.addLazily(0.4, () -> Action.of(area(), "id-get", caller));
            proposals.addLazily(0.2, () -> Action.of(area(), "spm-id-get", caller));
        }
    }

    @Override
    public Step concretise(Action action, ExploreContext context) {
        EndpointId caller = action.caller();
        return switch (action.kind()) {
            case "version" -> Step.Call.of(caller, Registers.of(Choices.smc32(FfaFunction.FFA_VERSION),
                    action.hexParam("version")));
            case "features" -> Step.Call.of(caller, Registers.of(Choices.smc32(FfaFunction.FFA_FEATURES),
                    action.hexParam("function")));
            case "id-get" -> Step.Call.of(caller, Registers.of(Choices.smc32(FfaFunction.FFA_ID_GET)));
            default -> Step.Call.of(caller, Registers.of(Choices.smc32(FfaFunction.FFA_SPM_ID_GET)));
        };
    }
}
