package org.fwcts.targets.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("QEMU versions")
class QemuVersionTests {

    @Test
    @DisplayName("the version banner of Debian's QEMU 7.2 and of the 10.0 backport is read")
    void readsBanners() {
        assertThat(QemuVersion.fromBanner("QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)\n"
                + "Copyright (c) 2003-2022 Fabrice Bellard and the QEMU Project developers"))
                .contains(new QemuVersion(7, 2, 22));
        assertThat(QemuVersion.fromBanner("QEMU emulator version 10.0.2 (Debian 1:10.0.2+ds-2+deb13u1~bpo12+1)"))
                .contains(new QemuVersion(10, 0, 2));
        assertThat(QemuVersion.fromBanner("qemu-img version 8.2.0")).isEmpty();
    }

    @Test
    @DisplayName("versions order by number, not as text: 10.0 is after 8.2, and 8.2 means 8.2.0")
    void ordersNumerically() {
        QemuVersion minimum = QemuVersion.parse("8.2").orElseThrow();
        assertThat(minimum).isEqualTo(new QemuVersion(8, 2, 0));
        assertThat(new QemuVersion(10, 0, 2).atLeast(minimum)).isTrue();
        assertThat(new QemuVersion(7, 2, 22).atLeast(minimum)).isFalse();
        assertThat(new QemuVersion(8, 1, 99).atLeast(minimum)).isFalse();
        assertThat(QemuVersion.parse("8.2.x")).isEmpty();
        assertThat(QemuVersion.parse("latest")).isEmpty();
    }

    @Test
    @DisplayName("a profile by version applies from its version on; below the lowest the descriptor's profile does")
    void profileByVersion() {
        TreeMap<QemuVersion, String> profiles = new TreeMap<>(Map.of(new QemuVersion(9, 0, 0), "p9",
                new QemuVersion(10, 1, 0), "p10"));
        QemuSettings settings = new QemuSettings("q", "virt", "max", "512M", 1, List.of(), Optional.empty(),
                Optional.empty(), profiles);
        assertThat(settings.profileFor(new QemuVersion(7, 2, 22), "base")).isEqualTo("base");
        assertThat(settings.profileFor(new QemuVersion(9, 0, 0), "base")).isEqualTo("p9");
        assertThat(settings.profileFor(new QemuVersion(10, 0, 2), "base")).isEqualTo("p9");
        assertThat(settings.profileFor(new QemuVersion(10, 1, 0), "base")).isEqualTo("p10");
    }
}
