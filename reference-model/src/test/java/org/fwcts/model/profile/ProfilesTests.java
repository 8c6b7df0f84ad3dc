package org.fwcts.model.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The named profiles")
class ProfilesTests {
    @Test
    @DisplayName("each name builds, when asked for, the profile of that name, once")
    void eachNameBuildsItsProfile() {
        assertThat(Profiles.names()).contains("qemu-builtin-psci", "tfa-bl31", "tfa-el3-spmc", "hafnium", "optee",
                "xen-4.22-ffa", "xen-4.22-optee", "tfa-rmm-v0.9").doesNotHaveDuplicates().isSorted();
        for (String name : Profiles.names()) {
            Profile profile = Profiles.named(name).orElseThrow();
            assertThat(profile.name()).isEqualTo(name);
            assertThat(Profiles.named(name)).containsSame(profile);
        }
        assertThat(Profiles.named("no-such-profile")).isEmpty();
    }
}
