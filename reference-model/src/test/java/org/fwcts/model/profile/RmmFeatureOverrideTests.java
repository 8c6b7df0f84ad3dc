package org.fwcts.model.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The rmmFeatureRegister<index> profile overrides")
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
    @DisplayName("sets a higher register where the RMI revision has one, and refuses an index past them")
    void setsHigherRegister() {
        Profile profile = ProfileOverrides.apply(Profiles.named("tfa-rmm-v0.9").orElseThrow(),
                Map.of("rmmFeatureRegister2", "0x1"));
        assertThat(profile.rmm().orElseThrow().featureRegister(2)).isEqualTo(1L);
        assertThat(profile.rmm().orElseThrow().featureRegister(1)).isEqualTo(0x142A9L);
        assertThat(profile.rmm().orElseThrow().featureRegister(5)).isZero();
        assertThatThrownBy(() -> ProfileOverrides.apply(Profiles.named("tfa-rmm-v0.8").orElseThrow(),
                Map.of("rmmFeatureRegister2", "0x1"))).hasMessageContaining("feature registers 0 to 1");
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
