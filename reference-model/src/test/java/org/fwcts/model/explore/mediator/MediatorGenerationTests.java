package org.fwcts.model.explore.mediator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.fwcts.model.Registers;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.AreaSelection;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.GeneratedWalk;
import org.fwcts.model.explore.Generators;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.firmware.Expected;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.firmware.ModelState;
import org.fwcts.model.firmware.Outcome;
import org.fwcts.model.profile.ProfileOverrides;
import org.fwcts.model.profile.Profiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Explore's FF-A mediator generators on the model alone")
class MediatorGenerationTests {
    private static final long SCRATCH = 0x7000_0000L;

    /**
     * A walk of {@code length} actions from the VMs of xen-4.22-ffa with two VMs of two vCPUs, each
     * guest call answered as the model's primary outcome predicts (the partition agent's round trips
     * are left out: they need the agent).
     */
    private static GeneratedWalk walk(long seed, int length) {
        FirmwareModel model = new FirmwareModel(ProfileOverrides.apply(Profiles.named("xen-4.22-ffa").orElseThrow(),
                Map.of("vms", "2:2,3:2", "vmToVm", "true")));
        List<AreaGenerator> generators = MediatorAreas.ffa(model.mediator().orElseThrow().setup());
        ExploreContext context = new ExploreContext(model.spmc().orElseThrow().topology(), SCRATCH);
        for (EndpointId sp : context.partitions()) {
            context.partitionBuffers(sp, 0x0E11_0000L, 0x0E11_4000L);
        }
        GuestView view = GuestView.of(context);
        ModelState[] state = {ModelState.freshBoot()};
        AreaSelection areas = AreaSelection.parse("", generators);
        SplittableRandom random = new SplittableRandom(seed);
        GeneratedWalk walk = new GeneratedWalk();
        for (int i = 0; i < length; i++) {
            Action action = areas.propose(context).draw(random);
            walk.actions.add(action);
            Step step = Generators.concretise(generators, action, context);
            List<FfaCall> calls = new ArrayList<>();
            if (step instanceof GuestCall call) {
                calls.add(new FfaCall(call.caller(), call.registers(), call.tx()));
            } else if (step instanceof GuestTogether together) {
                calls.add(FfaCall.of(together.caller(), together.onVcpu0()));
                calls.add(FfaCall.of(together.caller(), together.onVcpu1()));
            } else if (step instanceof Step.Call call && context.partitionsReachable()) {
                calls.add(new FfaCall(call.caller(), call.registers(), call.tx()));
            }
            for (FfaCall call : calls) {
                Outcome outcome = model.predict(state[0], call);
                if (outcome instanceof Outcome.Predicted predicted) {
                    walk.predicted++;
                    Expected primary = predicted.primary();
                    state[0] = primary.next(ConformingAnswer.registers(primary.registers(), call.registers()));
                    view.follow(state[0].mediator(), state[0].optee());
                } else {
                    walk.unmodelled++;
                }
            }
            context.advance(state[0].ffa().orElse(context.state()), Optional.empty());
            context.agreedThroughMediator(view.vm(context.normalWorld()).agreed());
        }
        return walk;
    }

    @Test
    @DisplayName("the same seed gives the same sequence; another seed another")
    void deterministic() {
        assertThat(walk(7, 300).actions).isEqualTo(walk(7, 300).actions);
        assertThat(walk(7, 300).actions).isNotEqualTo(walk(8, 300).actions);
    }

    @Test
    @DisplayName("the model predicts nearly every generated call; both VMs call in every area, shares reach the SP")
    void predictedAndVaried() {
        GeneratedWalk walk = walk(1, 1500);
        assertThat(walk.unmodelled).as("unmodelled").isLessThan(walk.predicted / 50);
        assertThat(walk.actions.stream().map(Action::area).distinct()).containsExactlyInAnyOrderElementsOf(
                MediatorAreas.FFA_AREAS);
        assertThat(walk.actions.stream().map(Action::caller).distinct()).contains(EndpointId.of(2), EndpointId.of(3));
        assertThat(walk.actions.stream().filter(a -> a.area().equals("vm-memory")).map(Action::kind).distinct())
                .contains("share", "reclaim", "sp-retrieve", "sp-relinquish");
        assertThat(walk.actions.stream().filter(a -> a.kind().equals("race"))).isNotEmpty();
    }

    @Test
    @DisplayName("a reclaim names its handle by origin: the owner's share on the mediator's list, else one nobody gave out")
    void handlesByOrigin() {
        FirmwareModel model = new FirmwareModel(ProfileOverrides.apply(Profiles.named("xen-4.22-ffa").orElseThrow(),
                Map.of("vms", "2:2,3:2")));
        ExploreContext context = new ExploreContext(model.spmc().orElseThrow().topology(), SCRATCH);
        Action reclaim = Action.of("vm-memory", "reclaim", EndpointId.of(3), "owner", "0x0002", "share", "0");
        Step step = Generators.concretise(MediatorAreas.ffa(model.mediator().orElseThrow().setup()), reclaim, context);
        Registers registers = ((GuestCall) step).registers();
        assertThat(registers.x(1) | registers.x(2) << 32).isEqualTo(org.fwcts.model.explore.HandleRef.BOGUS);
    }
}
