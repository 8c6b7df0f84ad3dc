package org.fwcts.model.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The rmmFeatureRegister0 profile override")
class RmmFeatureOverrideTests {

    @Test
    @DisplayName("sets RMI_FEATURES register 0 of the profile's RMM, as measured on TF-RMM v0.9.0 under QEMU 10's max CPU")
    void setsRegister() {
        Profile profile = ProfileOverrides.apply(Profiles.named("tfa-rmm-v0.9").orElseThrow(),
                Map.of("rmmFeatureRegister0", "0x317f34"));
        assertThat(profile.rmm().orElseThrow().featureRegister0()).isEqualTo(0x317f34L);
        assertThat(profile.rmm().orElseThrow().s2szLimit()).isEqualTo(52);
        assertThat(profile.rmm().orElseThrow().breakpoints()).isEqualTo(5);
    }

    @Test
    @DisplayName("is refused on a profile without an RMM, and for a value that is not hex")
    void refusesBadInput() {
        assertThatThrownBy(() -> ProfileOverrides.apply(Profiles.named("tfa-bl31").orElseThrow(),
                Map.of("rmmFeatureRegister0", "0x317f34"))).hasMessageContaining("has no RMM");
        assertThatThrownBy(() -> ProfileOverrides.apply(Profiles.named("tfa-rmm-v0.8").orElseThrow(),
                Map.of("rmmFeatureRegister0", "3243828"))).hasMessageContaining("write it in hex");
    }
}
