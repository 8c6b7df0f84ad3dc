package org.fwcts.model.explore.rmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.AreaSelection;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.Generators;
import org.fwcts.model.explore.ffa.FfaAreas;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.profile.Profiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Explore's RMM generators on the model alone")
class RmmGenerationTests {
    private static final long SCRATCH = 0x7000_0000L;
    private static final EndpointId HOST = EndpointId.of(0);

    private static ExploreContext context(String profile) {
        Profile chosen = Profiles.named(profile).orElseThrow();
        ExploreContext context = new ExploreContext(new Topology(List.of(HOST), List.of(), List.of()), SCRATCH);
        context.part(RmmWorld.class, () -> new RmmWorld(chosen.rmm().orElseThrow(), SCRATCH, new byte[4096]));
        return context;
    }

    private static List<String> draws(String profile, long seed) {
        ExploreContext context = context(profile);
        AreaSelection areas = AreaSelection.parse("", RmmAreas.all());
        SplittableRandom random = new SplittableRandom(seed);
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Action action = areas.propose(context).draw(random);
            RmmStep step = (RmmStep) Generators.concretise(RmmAreas.all(), action, context);
            drawn.add(action + " -> " + step.ops().size() + " calls");
        }
        return drawn;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tfa-rmm-v0.8", "tfa-rmm-v0.9"})
    @DisplayName("the same seed draws the same actions, each made concrete as one or more calls")
    void deterministic(String profile) {
        assertThat(draws(profile, 7)).isEqualTo(draws(profile, 7)).isNotEqualTo(draws(profile, 8));
        assertThat(draws(profile, 7)).allSatisfy(line -> assertThat(line).doesNotEndWith(" 0 calls"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tfa-rmm-v0.8", "tfa-rmm-v0.9"})
    @DisplayName("building the agent realm is every call of it: delegations, RTTs, the image, the REC, activation, the entry")
    void build(String profile) {
        ExploreContext context = context(profile);
        RmmStep step = (RmmStep) Generators.concretise(RmmAreas.all(), Action.of("rsi", "build", HOST), context);
        assertThat(step.ops()).hasSizeGreaterThan(20);
        assertThat(step.ops().get(step.ops().size() - 1)).isInstanceOf(RmmStep.RealmCommand.class);
        assertThat(step.ops()).filteredOn(RmmStep.RecCreate.class::isInstance).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tfa-rmm-v0.8"})
    @DisplayName("RMM and FF-A area names are distinct, and a malformed parameter is named")
    void names(String profile) {
        List<String> rmm = RmmAreas.all().stream().map(AreaGenerator::area).toList();
        assertThat(FfaAreas.all().stream().map(AreaGenerator::area)).doesNotContainAnyElementsOf(rmm);
        ExploreContext context = context(profile);
        assertThatThrownBy(() -> Generators.concretise(RmmAreas.all(), Action.of("realm", "create", HOST, "realm", "z",
                "form", "valid"), context)).hasMessageContaining("realm: 'z' is not one of agent, a, b");
        assertThatThrownBy(() -> Generators.concretise(RmmAreas.all(), Action.of("granule", "delegate", HOST,
                "granule", "pool:x"), context)).hasMessageContaining("granule: 'pool:x'");
    }
}
