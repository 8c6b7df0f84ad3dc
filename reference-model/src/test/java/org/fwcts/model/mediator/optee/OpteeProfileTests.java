package org.fwcts.model.mediator.optee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.profile.ProfileOverrides;
import org.fwcts.model.profile.Profiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OP-TEE mediator profiles and their overrides")
class OpteeProfileTests {

    private static Profile xen(Map<String, String> overrides) {
        return ProfileOverrides.apply(Profiles.named("xen-4.22-optee").orElseThrow(), overrides);
    }

    @Test
    @DisplayName("each Xen release from 4.20 is a profile with no FF-A; its first guest is the agent's endpoint")
    void releases() {
        for (String release : new String[] {"4.20", "4.21", "4.22"}) {
            Profile profile = Profiles.named("xen-" + release + "-optee").orElseThrow();
            assertThat(profile.ffa()).isEmpty();
            assertThat(profile.optee().orElseThrow().xen().sourceTag()).isEqualTo("RELEASE-" + release + ".0");
            assertThat(new FirmwareModel(profile).normalWorld()).isEqualTo(EndpointId.of(2));
        }
        assertThat(OpteeChoices.of("4.16.0")).isEmpty();
    }

    @Test
    @DisplayName("the guests, OP-TEE's thread count, revision and capabilities are overridable")
    void overrides() {
        OpteeSetup setup = xen(Map.of("vms", "2:1,4:2:detached", "opteeThreads", "3", "opteeOsRevision", "4.9",
                "opteeCapabilities", "0x1")).optee().orElseThrow();
        assertThat(setup.ids()).containsExactly(EndpointId.of(2), EndpointId.of(4));
        assertThat(setup.vm(EndpointId.of(4)).orElseThrow().mediatorAttached()).isFalse();
        assertThat(setup.optee().threads()).isEqualTo(3);
        assertThat(setup.optee().osRevision().orElseThrow()).containsExactly(4, 9);
        assertThat(setup.optee().secCaps()).isEqualTo(1);
    }

    @Test
    @DisplayName("a bad value, or an OP-TEE field on a profile without the mediator, is an error naming the field")
    void badInput() {
        assertThatThrownBy(() -> xen(Map.of("opteeThreads", "two"))).hasMessageStartingWith("opteeThreads: 'two'");
        assertThatThrownBy(() -> xen(Map.of("opteeThreads", "0"))).hasMessageContaining("at least one thread");
        assertThatThrownBy(() -> xen(Map.of("opteeOsRevision", "4"))).hasMessageStartingWith("opteeOsRevision: '4'");
        assertThatThrownBy(() -> ProfileOverrides.apply(Profiles.named("xen-4.22-ffa").orElseThrow(),
                Map.of("opteeThreads", "2"))).hasMessageContaining("has no OP-TEE mediator");
    }
}
