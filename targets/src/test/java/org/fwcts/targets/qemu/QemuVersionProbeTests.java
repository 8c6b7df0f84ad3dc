package org.fwcts.targets.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.fwcts.targets.TargetException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "QEMU" here is a script that answers {@code --version} with {@code banner} and counts how often it is asked. */
@DisplayName("Asking QEMU its version ahead of the launch")
class QemuVersionProbeTests {
    @TempDir
    Path dir;

    private Path fakeQemu(String banner) throws IOException {
        Path script = dir.resolve("qemu");
        Files.writeString(script, "#!/bin/sh\necho asked >> '" + dir.resolve("asked") + "'\necho '" + banner + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private long timesAsked() throws IOException {
        return Files.readAllLines(dir.resolve("asked")).size();
    }

    @Test
    @DisplayName("asked ahead, the launch's check takes that answer: QEMU is asked once")
    void askedOnce() throws IOException {
        Path qemu = fakeQemu("QEMU emulator version 9.1.3 (test)");
        QemuVersionProbe.askAhead(qemu);
        assertThat(QemuVersionProbe.of(qemu)).hasToString("9.1.3");
        assertThat(QemuVersionProbe.of(qemu)).hasToString("9.1.3");
        assertThat(timesAsked()).isEqualTo(1);
    }

    @Test
    @DisplayName("a binary that is no QEMU fails the check asked ahead as asked at the launch, and is asked again next time")
    void failureAsBefore() throws IOException {
        Path qemu = fakeQemu("not an emulator");
        QemuVersionProbe.askAhead(qemu);
        assertThatThrownBy(() -> QemuVersionProbe.of(qemu)).isInstanceOf(TargetException.class)
                .hasMessageContaining(qemu + " --version printed no 'QEMU emulator version X.Y.Z' line: not an emulator");
        assertThatThrownBy(() -> QemuVersionProbe.of(qemu)).isInstanceOf(TargetException.class);
        assertThat(timesAsked()).isEqualTo(2);
    }
}
