package org.fwcts.model.mediator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.profile.ProfileOverrides;
import org.fwcts.model.profile.Profiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Mediator profiles and their overrides")
class MediatorProfileTests {

    private static Profile xen(String name, Map<String, String> overrides) {
        return ProfileOverrides.apply(Profiles.named(name).orElseThrow(), overrides);
    }

    @Test
    @DisplayName("each Xen release is a profile; its VMs are the SPMC's normal-world endpoints, the first one the agent's")
    void releases() {
        for (String name : new String[] {"xen-4.20-ffa", "xen-4.21-ffa", "xen-4.22-ffa"}) {
            Profile profile = Profiles.named(name).orElseThrow();
            assertThat(profile.mediator()).as(name).isPresent();
            assertThat(profile.ffa().orElseThrow().topology().normalWorld())
                    .containsExactly(EndpointId.of(2), EndpointId.of(3), EndpointId.HYPERVISOR);
        }
        assertThat(Profiles.named("xen-4.20-ffa").orElseThrow().mediator().orElseThrow().vmToVm()).isFalse();
        assertThat(Profiles.named("xen-4.22-ffa").orElseThrow().mediator().orElseThrow().vmToVm()).isTrue();
    }

    @Test
    @DisplayName("the vms override sets the guests, detached ones included")
    void vms() {
        MediatorSetup setup = xen("xen-4.22-ffa", Map.of("vms", "0x2:2, 5:1:detached")).mediator().orElseThrow();
        assertThat(setup.ids()).containsExactly(EndpointId.of(2), EndpointId.of(5));
        assertThat(setup.vm(EndpointId.of(5)).orElseThrow().mediatorAttached()).isFalse();
        assertThat(setup.vm(EndpointId.of(2)).orElseThrow().vcpus()).isEqualTo(2);
    }

    @Test
    @DisplayName("a bad VM list, VM-to-VM on 4.20, or a mediator field on a profile without one is an error naming the field")
    void badInput() {
        assertThatThrownBy(() -> xen("xen-4.22-ffa", Map.of("vms", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("vms: '2' is not ID:VCPUS");
        assertThatThrownBy(() -> xen("xen-4.22-ffa", Map.of("vms", "0x8001:1")))
                .hasMessageStartingWith("vms: a VM's endpoint ID");
        assertThatThrownBy(() -> xen("xen-4.22-ffa", Map.of("vms", "2:1,2:1"))).hasMessageContaining("two VMs");
        assertThatThrownBy(() -> xen("xen-4.20-ffa", Map.of("vmToVm", "true")))
                .hasMessageStartingWith("vmToVm: Xen 4.20.0 has no CONFIG_FFA_VM_TO_VM");
        assertThatThrownBy(() -> xen("xen-4.22-ffa", Map.of("vmToVm", "yes"))).hasMessageStartingWith("vmToVm: 'yes'");
        assertThatThrownBy(() -> xen("tfa-el3-spmc", Map.of("vms", "2:1")))
                .hasMessageStartingWith("vms: profile tfa-el3-spmc has no FF-A mediator");
    }
}
