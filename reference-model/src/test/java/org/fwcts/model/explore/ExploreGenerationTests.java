package org.fwcts.model.explore;

import org.fwcts.model.explore.ffa.FfaAreas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.spmc.FfaPrediction;
import org.fwcts.model.firmware.SpmcModel;
import org.fwcts.model.profile.AgentTopologies;
import org.fwcts.model.profile.SpmcProfiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Explore's generators on the model alone")
class ExploreGenerationTests {
    private static final long SCRATCH = 0x7000_0000L;

    /** A walk of {@code length} generated actions, each answered as the model's primary outcome predicts. */
    private static GeneratedWalk walk(String profile, long seed, int length) {
        SpmcModel model = new SpmcModel(SpmcProfiles.named(profile).orElseThrow(),
                AgentTopologies.normalWorldAndOnePartition(8));
        ExploreContext context = new ExploreContext(model.topology(), SCRATCH);
        context.partitionBuffers(AgentTopologies.SP_AGENT_ID, 0x0E11_0000L, 0x0E11_4000L);
        AreaSelection areas = AreaSelection.parse("", FfaAreas.all());
        SplittableRandom random = new SplittableRandom(seed);
        GeneratedWalk walk = new GeneratedWalk();
        for (int i = 0; i < length; i++) {
            Action action = areas.propose(context).draw(random);
            walk.actions.add(action);
            Step step = Generators.concretise(FfaAreas.all(), action, context);
            if (!(step instanceof Step.Call call)) {
                continue;
            }
            FfaOutcome outcome = model.step(context.state(), new FfaCall(call.caller(), call.registers(), call.tx()));
            if (outcome instanceof FfaOutcome.Unmodelled) {
                walk.unmodelled++;
            } else if (outcome instanceof FfaOutcome.Predicted predicted) {
                walk.predicted++;
                FfaPrediction primary = predicted.primary();
                context.advance(primary.after().given(ConformingAnswer.registers(primary.registers(), call.registers())),
                        call.remainder());
            }
        }
        return walk;
    }

    @Test
    @DisplayName("the same seed gives the same sequence; another seed another")
    void deterministic() {
        assertThat(walk("tfa-el3-spmc", 7, 200).actions).isEqualTo(walk("tfa-el3-spmc", 7, 200).actions);
        assertThat(walk("tfa-el3-spmc", 7, 200).actions).isNotEqualTo(walk("tfa-el3-spmc", 8, 200).actions);
    }

    @Test
    @DisplayName("the model predicts nearly every generated call, and the sequences reach every area and endpoint")
    void predictedAndVaried() {
        for (String profile : List.of("tfa-el3-spmc", "hafnium")) {
            GeneratedWalk walk = walk(profile, 1, 1500);
            assertThat(walk.unmodelled).as(profile + " unmodelled").isLessThan(walk.predicted / 100);
            assertThat(walk.actions.stream().map(Action::area).distinct()).containsExactlyInAnyOrder("discovery", "rxtx",
                    "partition-info", "memory", "direct", "notifications");
            assertThat(walk.actions.stream().filter(a -> a.area().equals("memory")).map(Action::kind).distinct())
                    .contains("send", "retrieve", "relinquish", "reclaim", "frag-tx");
            assertThat(walk.actions.stream().filter(a -> a.caller().isSecure())).isNotEmpty();
        }
    }

    @Test
    @DisplayName("area selection: weights, and an unknown area or a bad weight named with the areas that exist")
    void areaSelection() {
        AreaSelection selection = AreaSelection.parse("memory=3, rxtx", FfaAreas.all());
        assertThat(selection.names()).containsExactly("memory", "rxtx");
        assertThat(selection.weights().values()).containsExactly(3.0, 1.0);
        assertThatThrownBy(() -> AreaSelection.parse("memory,mailbox", FfaAreas.all()))
                .hasMessage("unknown area 'mailbox' (known: discovery, rxtx, partition-info, memory, direct,"
                        + " notifications, access)");
        assertThatThrownBy(() -> AreaSelection.parse("memory=-1", FfaAreas.all()))
                .hasMessageContaining("weight '-1' is not a positive number");
    }

    @Test
    @DisplayName("a handle reference with nothing to name falls back to a stale handle, then to one no SPMC gives out")
    void handleFallback() {
        SpmcModel model = new SpmcModel(SpmcProfiles.tfaEl3Spmc(), AgentTopologies.normalWorldAndOnePartition(8));
        ExploreContext context = new ExploreContext(model.topology(), SCRATCH);
        assertThat(HandleRef.resolve("open:0", context)).isEqualTo(HandleRef.BOGUS);
        assertThat(HandleRef.resolve("sending:3", context)).isEqualTo(HandleRef.BOGUS);
        assertThatThrownBy(() -> HandleRef.resolve("open:x", context)).hasMessageContaining("has no index");
        assertThat(Optional.of(context.callers())).get().asList().hasSize(1);
    }

    @Test
    @DisplayName("profile variants change one choice each, to another known SPMC's value")
    void profileVariants() {
        var profile = org.fwcts.model.profile.Profiles.named("tfa-el3-spmc").orElseThrow();
        List<ProfileVariants.Variant> variants = ProfileVariants.of(profile);
        assertThat(variants).isNotEmpty();
        assertThat(variants).extracting(ProfileVariants.Variant::from).contains("hafnium").doesNotContain("tfa-el3-spmc");
        for (ProfileVariants.Variant variant : variants) {
            assertThat(variant.profile().ffa().orElseThrow().spmc()).isNotEqualTo(profile.ffa().orElseThrow().spmc());
        }
    }
}
