package org.fwcts.targets.labgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.board.DeploySettings;
import org.fwcts.targets.descriptor.DescriptorLoader;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A labgrid descriptor")
class LabgridDescriptorTests {
    private static final String HEAD = """
            name: l
            kind: labgrid
            profile: qemu-builtin-psci
            agent:
              image: agent-virt
            consoles:
              agent:
                kind: telnet
            """;

    @TempDir
    Path temp;

    @Test
    @DisplayName("ships as targets/labgrid-example.yaml and loads without contacting anything")
    void exampleLoads() {
        TargetDescriptor example = DescriptorLoader.load(ProjectLayout.discover().targetsDir().resolve("labgrid-example.yaml"));
        LabgridSettings settings = example.settings(LabgridSettings.class);
        assertThat(settings.coordinator()).isEqualTo("labgrid-coordinator.lab.example:20408");
        assertThat(settings.place()).contains("rpi4-03");
        assertThat(settings.acquireTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.takeOverStale()).isFalse();
        assertThat(settings.deploy()).isInstanceOf(DeploySettings.Command.class);
        assertThat(settings.identity()).matches("[^/]+/fwcts-[^/]+");
    }

    @Test
    @DisplayName("takes the coordinator's default port and chooses a place by tags")
    void tagsAndDefaultPort() throws Exception {
        LabgridSettings settings = load("labgrid:\n  coordinator: farm\n  tags:\n    board: rpi4\n    soc: bcm2711\n")
                .settings(LabgridSettings.class);
        assertThat(settings.coordinator()).isEqualTo("farm:20408");
        assertThat(settings.tags()).isEqualTo(Map.of("board", "rpi4", "soc", "bcm2711"));
        assertThat(settings.place()).isEmpty();
        assertThat(settings.wanted()).startsWith("a place tagged");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            neither place nor tags     | coordinator: farm                                        | labgrid.place: give exactly one of place
            both place and tags        | coordinator: farm\\n  place: a\\n  tags: {board: x}      | labgrid.place: give exactly one of place
            a bad coordinator address  | coordinator: 'farm:99999'\\n  place: a                   | labgrid.coordinator: port 99999 is out of range
            a coordinator URL          | coordinator: 'http://farm'\\n  place: a                  | labgrid.coordinator: expected host or host:port
            an identity without slash  | coordinator: farm\\n  place: a\\n  identity: ci          | labgrid.identity: expected host/name
            a tag labgrid refuses      | coordinator: farm\\n  tags: {Board: X}                   | labgrid.tags: 'Board: X' is not a tag
            a non-boolean take-over    | coordinator: farm\\n  place: a\\n  takeOverStale: maybe  | labgrid.takeOverStale: expected true or false
            an unknown field           | coordinator: farm\\n  place: a\\n  token: abc            | labgrid.token: unknown field
            """)
    void badSectionNamesTheField(String what, String section, String error) throws Exception {
        assertThatThrownBy(() -> load("labgrid:\n  " + section.replace("\\n", "\n") + "\n"))
                .isInstanceOf(TargetException.class).hasMessageContaining(error);
    }

    @Test
    @DisplayName("refuses a console address: the place's exporter decides it")
    void consoleAddressRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("l.yaml"), HEAD.replace("kind: telnet", "kind: telnet\n    port: 4000")
                + "labgrid:\n  coordinator: farm\n  place: a\n");
        assertThatThrownBy(() -> DescriptorLoader.load(file)).isInstanceOf(TargetException.class)
                .hasMessageContaining("consoles.agent.port: a labgrid place's console address comes from its NetworkSerialPort");
    }

    private TargetDescriptor load(String section) throws Exception {
        return DescriptorLoader.load(Files.writeString(temp.resolve("l.yaml"), HEAD + section));
    }
}
