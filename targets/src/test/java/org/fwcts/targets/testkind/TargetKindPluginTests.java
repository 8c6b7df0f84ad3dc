package org.fwcts.targets.testkind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.Launchers;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.descriptor.DescriptorLoader;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.descriptor.TargetKinds;
import org.fwcts.targets.qemu.QemuSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A target kind added as a plugin (this package and a META-INF/services line, nothing else)")
class TargetKindPluginTests {
    private static final String DESCRIPTOR = """
            name: lo
            kind: loopback
            profile: qemu-builtin-psci
            loopback:
              greeting: hello from a new kind
            consoles:
              agent:
                kind: tcp
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("lo.yaml"), text);
    }

    @Test
    @DisplayName("is found beside the built-in kinds")
    void isFound() {
        assertThat(TargetKinds.names()).contains("board", "fvp", "loopback", "qemu");
    }

    @Test
    @DisplayName("reads its own section and gives its defaults: no agent image, its time-outs, a simulation")
    void readsItsSection() throws IOException {
        TargetDescriptor descriptor = DescriptorLoader.load(write(DESCRIPTOR));
        assertThat(descriptor.settings(LoopbackKind.LoopbackSettings.class).greeting()).isEqualTo("hello from a new kind");
        assertThat(descriptor.agentImageName()).isEmpty();
        assertThat(descriptor.bootTimeout().toSeconds()).isEqualTo(7);
        assertThat(descriptor.commandTimeout().toSeconds()).isEqualTo(3);
        assertThat(descriptor.simulation()).isTrue();
        assertThatThrownBy(() -> descriptor.settings(QemuSettings.class))
                .hasMessage(descriptor.file() + ": kind: a loopback target has no QemuSettings settings");
    }

    @Test
    @DisplayName("its section's mistakes and its console rules give errors naming the field")
    void validates() throws IOException {
        Path typo = write(DESCRIPTOR.replace("greeting:", "greting:"));
        assertThatThrownBy(() -> DescriptorLoader.load(typo)).hasMessage(typo + ": loopback.greting: unknown field"
                + " (known here: greeting)");
        Path stdio = write(DESCRIPTOR.replace("kind: tcp", "kind: stdio"));
        assertThatThrownBy(() -> DescriptorLoader.load(stdio))
                .hasMessage(stdio + ": consoles.agent.kind: unknown console kind 'stdio' (known for a loopback: tcp)");
        Path foreign = write(DESCRIPTOR + "qemu:\n  machine: virt\n");
        assertThatThrownBy(() -> DescriptorLoader.load(foreign))
                .hasMessage(foreign + ": qemu: only a target of kind qemu takes this section");
    }

    @Test
    @DisplayName("builds its launcher and doctor checks; the target it launches answers on its console")
    void launches() throws IOException {
        TargetDescriptor descriptor = DescriptorLoader.load(write(DESCRIPTOR));
        assertThat(descriptor.kind().checks(descriptor)).singleElement()
                .satisfies(check -> assertThat(check.probe().get()).isEqualTo("hello from a new kind"));
        try (RunningTarget target = Launchers.forTarget(descriptor, ProjectLayout.discover()).launch(descriptor, dir)) {
            ConsoleEndpoint.Network console = (ConsoleEndpoint.Network) target.consoles().get(0);
            try (Socket socket = new Socket(console.host(), console.port());
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.UTF_8))) {
                assertThat(in.readLine()).isEqualTo("hello from a new kind");
            }
        }
    }
}
