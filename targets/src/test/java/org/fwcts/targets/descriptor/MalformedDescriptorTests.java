package org.fwcts.targets.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fwcts.targets.TargetException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A malformed descriptor is refused at load with one error naming the file and the field or place")
class MalformedDescriptorTests {
    private static final String VALID = """
            name: t
            kind: qemu
            profile: qemu-builtin-psci
            qemu:
              machine: virt,virtualization=on
              cpu: cortex-a57
            agent:
              image: agent-virt
            consoles:
              agent:
                kind: tcp
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("t.yaml"), text);
    }

    private void assertRefused(Path file, String message) {
        assertThatThrownBy(() -> DescriptorLoader.load(file)).isInstanceOf(TargetException.class)
                .hasMessage(file + ": " + message);
    }

    @ParameterizedTest(name = "name: {0}")
    @CsvSource({"x/../../../somewhere", "..", ".hidden", "a b", "x\\y"})
    @DisplayName("a name that would leave its folder when used in a path")
    void nameUsedInPaths(String name) throws IOException {
        Path file = write(VALID.replace("name: t", "name: '" + name + "'"));
        assertRefused(file, "name: expected a name of letters, digits, '.', '_' and '-' (at most 64, not starting"
                + " with '.'; it becomes part of file and folder names), got '" + name + "'");
    }

    @Test
    @DisplayName("a console named with a path separator")
    void consoleNameUsedInPaths() throws IOException {
        Path file = write(VALID.replace("  agent:\n    kind", "  ../agent:\n    kind"));
        assertThatThrownBy(() -> DescriptorLoader.load(file)).hasMessageStartingWith(file + ": consoles.../agent: expected a name");
    }

    @Test
    @DisplayName("an unset ${VARIABLE} anywhere, here a console's host, before anything else is looked at")
    void unsetVariable() throws IOException {
        Path file = write(VALID + "    host: ${FWCTS_TEST_SURELY_UNSET}\n");
        assertRefused(file, "consoles.agent.host: environment variable FWCTS_TEST_SURELY_UNSET is not set"
                + " (the value is '${FWCTS_TEST_SURELY_UNSET}')");
    }

    @Test
    @DisplayName("a set ${VARIABLE} is replaced in every field")
    void setVariable() throws IOException {
        TargetDescriptor descriptor = DescriptorLoader.load(write(VALID.replace("cpu: cortex-a57", "cpu: ${FWCTS_TEST_CPU}")
                + "    host: ${FWCTS_TEST_HOST}\n"));
        assertThat(descriptor.agentConsole().host()).isEqualTo("127.0.0.2");
    }

    @Test
    @DisplayName("a duplicate key, at the top and nested, named with its path")
    void duplicateKeys() throws IOException {
        Path top = write(VALID + "name: u\n");
        assertRefused(top, "name: duplicate key (line 12, column 1: each key may appear once)");
        Path nested = write(VALID.replace("  cpu: cortex-a57\n", "  cpu: cortex-a57\n  cpu: cortex-a53\n"));
        assertRefused(nested, "qemu.cpu: duplicate key (line 7, column 3: each key may appear once)");
    }

    @Test
    @DisplayName("an alias, which would otherwise read as the anchor's name")
    void alias() throws IOException {
        Path file = write(VALID.replace("cpu: cortex-a57", "cpu: &c cortex-a57\n  machine2: *c"));
        assertThatThrownBy(() -> DescriptorLoader.load(file)).hasMessageStartingWith(file + ": line 7, column ")
                .hasMessageEndingWith("YAML aliases (*c) are not supported in descriptors; write the value out");
    }

    @Test
    @DisplayName("a folder given as the descriptor")
    void folder() {
        assertRefused(dir, "is a folder; give a descriptor file (a .yaml file) instead");
    }

    @Test
    @DisplayName("a control character, at its line and column")
    void controlCharacter() throws IOException {
        Path file = write(VALID.replace("cpu: cortex-a57", "cpu: cortex\u0007a57"));
        assertRefused(file, "line 6, column 14: control character U+0007 is not allowed in YAML");
    }

    @Test
    @DisplayName("bytes that are not UTF-8, at their line, column and byte")
    void notUtf8() throws IOException {
        byte[] text = VALID.replace("cpu: cortex-a57", "cpu: cortex-a5?").getBytes(StandardCharsets.UTF_8);
        int at = VALID.indexOf("cortex-a57") + 9;
        text[at] = (byte) 0xC3;
        Path file = Files.write(dir.resolve("t.yaml"), text);
        assertRefused(file, "line 6, column 17 (byte " + at + "): not valid UTF-8 (a descriptor is UTF-8 text)");
    }

    @Test
    @DisplayName("a file larger than any descriptor, refused before it is parsed")
    void tooLarge() throws IOException {
        Path file = write(VALID + "profileOverrides:\n  huge: " + "x".repeat(10 * 1024 * 1024) + "\n");
        assertRefused(file, Files.size(file) + " bytes; a descriptor may have at most 262144 bytes");
    }

    @ParameterizedTest(name = "memory: {0}")
    @CsvSource({"lots", "0", "8M", "2T", "512X", "-1G", "99999999999"})
    @DisplayName("a QEMU memory size QEMU would refuse")
    void qemuMemory(String memory) throws IOException {
        Path file = write(VALID.replace("  cpu: cortex-a57\n", "  cpu: cortex-a57\n  memory: '" + memory + "'\n"));
        assertThatThrownBy(() -> DescriptorLoader.load(file)).hasMessageStartingWith(file + ": qemu.memory: ")
                .hasMessageContaining("'" + memory + "'");
    }

    @ParameterizedTest(name = "memory: {0}")
    @CsvSource({"512M", "2G", "1024", "65536k", "1T"})
    @DisplayName("a QEMU memory size QEMU takes")
    void qemuMemoryAccepted(String memory) throws IOException {
        Path file = write(VALID.replace("  cpu: cortex-a57\n", "  cpu: cortex-a57\n  memory: '" + memory + "'\n"));
        assertThat(DescriptorLoader.load(file).name()).isEqualTo("t");
    }

    @Test
    @DisplayName("a launched target's console bound beyond loopback loads with a warning naming the field")
    void wideBind() throws IOException {
        Path file = write(VALID + "    host: 0.0.0.0\n");
        assertThat(DescriptorLoader.load(file).warnings()).containsExactly(file + ": consoles.agent.host: 0.0.0.0 is not"
                + " a loopback address: other machines can reach this console and drive the agent");
        assertThat(DescriptorLoader.load(write(VALID)).warnings()).isEmpty();
    }
}
