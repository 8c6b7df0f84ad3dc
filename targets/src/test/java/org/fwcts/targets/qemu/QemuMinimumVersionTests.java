package org.fwcts.targets.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.DescriptorLoader;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.image.ImageManifest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The version check runs before anything starts. The "QEMU" here is a script that only answers
 * {@code --version} and records any other start in a file, so a start would be seen.
 */
@DisplayName("The qemu kind's version check and profiles by version")
class QemuMinimumVersionTests {
    private static final String DESCRIPTOR = """
            name: rme
            kind: qemu
            profile: qemu-builtin-psci
            qemu:
              binary: BINARY
              minimumVersion: "8.2"
              machine: virt,secure=on,virtualization=on,gic-version=3
              cpu: max,x-rme=on
              versionProfiles:
                "10.0": tfa-bl31
            agent:
              image: agent-bl33
            firmware:
              bios: bios.bin
            consoles:
              agent:
                kind: stdio
            """;

    @TempDir
    Path dir;

    private Path fakeQemu(String version) throws IOException {
        Path script = dir.resolve("qemu-" + version);
        Files.writeString(script, "#!/bin/sh\n"
                + "if [ \"$1\" = --version ]; then echo 'QEMU emulator version " + version + " (test)'; exit 0; fi\n"
                + "echo started >> '" + dir.resolve("started") + "'\nexit 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private TargetDescriptor descriptor(Path binary) throws IOException {
        Files.write(dir.resolve("bios.bin"), new byte[4096]);
        return DescriptorLoader.load(Files.writeString(dir.resolve("rme.yaml"),
                DESCRIPTOR.replace("BINARY", binary.toString())));
    }

    @Test
    @DisplayName("a QEMU older than qemu.minimumVersion is refused naming the field and the version found; nothing starts")
    void refusesOldQemu() throws IOException {
        TargetDescriptor target = descriptor(fakeQemu("7.2.22"));
        QemuLauncher launcher = new QemuLauncher(ImageManifest.load(ProjectLayout.discover().imageManifest()));
        Path work = Files.createDirectory(dir.resolve("work"));
        assertThatThrownBy(() -> launcher.launch(target, work)).isInstanceOf(TargetException.class)
                .hasMessageContaining("rme.yaml: qemu.minimumVersion")
                .hasMessageContaining("8.2.0 or later")
                .hasMessageContaining("is QEMU 7.2.22");
        assertThat(dir.resolve("started")).doesNotExist();
        assertThat(work).isEmptyDirectory();
    }

    @Test
    @DisplayName("doctor reports the QEMU version, and fails the check below the minimum")
    void doctorReportsVersion() throws IOException {
        TargetDescriptor recent = descriptor(fakeQemu("10.0.2"));
        assertThat(new QemuKind().checks(recent).get(0).probe().get()).contains("QEMU 10.0.2");
        TargetDescriptor old = descriptor(fakeQemu("8.1.5"));
        assertThatThrownBy(() -> new QemuKind().checks(old).get(0).probe().get())
                .hasMessageContaining("is QEMU 8.1.5");
    }

    @Test
    @DisplayName("versionProfiles chooses the profile by the QEMU version found")
    void choosesProfileByVersion() throws IOException {
        assertThat(new QemuKind().profile(descriptor(fakeQemu("10.0.2")))).isEqualTo("tfa-bl31");
        assertThat(new QemuKind().profile(descriptor(fakeQemu("9.2.0")))).isEqualTo("qemu-builtin-psci");
    }

    @Test
    @DisplayName("a minimum that is not a version is refused at load, naming the field")
    void refusesBadMinimum() throws IOException {
        Path binary = fakeQemu("10.0.2");
        Files.write(dir.resolve("bios.bin"), new byte[4096]);
        Path file = Files.writeString(dir.resolve("bad.yaml"), DESCRIPTOR.replace("BINARY", binary.toString())
                .replace("\"8.2\"", "eight"));
        assertThatThrownBy(() -> DescriptorLoader.load(file)).hasMessageContaining("qemu.minimumVersion")
                .hasMessageContaining("'eight'");
    }
}
