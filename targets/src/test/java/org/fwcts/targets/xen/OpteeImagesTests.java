package org.fwcts.targets.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.FirmwareSpec;
import org.fwcts.targets.spi.DoctorCheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("fwcts doctor on a Xen + OP-TEE stack: the lines each image would print")
class OpteeImagesTests {
    @TempDir
    Path dir;

    private Path image(String name, String text) throws Exception {
        byte[] padding = new byte[5000];
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[padding.length * 2 + body.length];
        System.arraycopy(body, 0, all, padding.length, body.length);
        return Files.write(dir.resolve(name), all);
    }

    private List<DoctorCheck> checks(String xen, String fip) throws Exception {
        return OpteeImages.checks(image("xen", xen), new FirmwareSpec.Bl1AndFip(image("bl1.bin", ""), image("fip.bin", fip)));
    }

    @Test
    @DisplayName("passes a Xen with the mediator's line and a FIP whose OP-TEE announces guests")
    void bothPresent() throws Exception {
        List<DoctorCheck> checks = checks("<6>OP-TEE supports %u simultaneous threads per guest.\n",
                "I/TC: Added guest %d\0");
        assertThat(checks).extracting(check -> check.probe().get()).allSatisfy(found -> assertThat(found).contains("has"));
    }

    @Test
    @DisplayName("names a Xen without the OP-TEE mediator and an OP-TEE without virtualization, with the missing line")
    void bothMissing() throws Exception {
        List<DoctorCheck> checks = checks("Using TEE mediator for %s", "OP-TEE version: %s");
        assertThatThrownBy(() -> checks.get(0).probe().get()).isInstanceOf(TargetException.class)
                .hasMessageContaining("Xen without the OP-TEE mediator")
                .hasMessageContaining("'OP-TEE supports %u simultaneous threads per guest'");
        assertThatThrownBy(() -> checks.get(1).probe().get()).isInstanceOf(TargetException.class)
                .hasMessageContaining("OP-TEE built without virtualization").hasMessageContaining("'Added guest %d'");
    }
}
