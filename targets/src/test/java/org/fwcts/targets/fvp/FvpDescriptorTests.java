package org.fwcts.targets.fvp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.DescriptorLoader;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.image.AgentImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("An FVP descriptor")
class FvpDescriptorTests {
    @TempDir
    Path dir;

    @BeforeEach
    void firmware() throws IOException {
        Files.write(dir.resolve("bl1.bin"), new byte[] {1});
        Files.write(dir.resolve("fip.bin"), new byte[] {2});
    }

    private static final String VALID = """
            name: f
            kind: fvp
            profile: tfa-bl31
            fvp:
              binary: FVP_Base_RevC-2xAEMvA
            firmware: {bl1: bl1.bin, fip: fip.bin}
            agent: {image: agent-fvp}
            consoles:
              agent: {kind: tcp, terminal: terminal_0}
            """;

    private TargetDescriptor load(String text) throws IOException {
        return DescriptorLoader.load(Files.writeString(dir.resolve("f.yaml"), text));
    }

    private String file() {
        return dir.resolve("f.yaml").toString();
    }

    @Test
    @DisplayName("shipped in targets/ load, with the slow-model time-outs and the agent on terminal_0")
    void shippedDescriptorsLoad() throws IOException {
        for (String name : List.of("fvp-base", "fvp-rme")) {
            String text = Files.readString(ProjectLayout.discover().targetsDir().resolve(name + ".yaml"))
                    .replace("${FWCTS_FVP_TFA}", dir.toString());
            TargetDescriptor fvp = load(text);
            assertThat(fvp.agentConsole().terminal()).contains("terminal_0");
            assertThat(fvp.bootTimeout().toSeconds()).isEqualTo(300);
            assertThat(fvp.commandTimeout().toSeconds()).isEqualTo(30);
            assertThat(fvp.agentImage()).isEqualTo("agent-fvp");
        }
    }

    @Test
    @DisplayName("gives an FVP minutes to boot and seconds per call unless it says otherwise")
    void slowModelDefaults() throws IOException {
        TargetDescriptor fvp = load(VALID);
        assertThat(fvp.bootTimeout().toSeconds()).isEqualTo(300);
        assertThat(fvp.commandTimeout().toSeconds()).isEqualTo(30);
        assertThat(fvp.settings(FvpSettings.class).preset()).isEqualTo("base");
        assertThat(fvp.settings(FvpSettings.class).agentLoad()).isEqualTo(FvpSettings.AgentLoad.FIP);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an unknown fvp field|  binary: FVP_Base_RevC-2xAEMvA|  binray: x|fvp.binray: unknown field",
        "an unknown preset|  binary: FVP_Base_RevC-2xAEMvA|  preset: cca|fvp.preset: unknown preset 'cca' (known: base, rme)",
        "a bad agentLoad|  binary: FVP_Base_RevC-2xAEMvA|  agentLoad: tftp|fvp.agentLoad: expected fip or preload, got 'tftp'",
        "a malformed data load|  binary: FVP_Base_RevC-2xAEMvA|  data: [cluster0.cpu0=x.bin]|fvp.data[0]: expected TARGET=FILE@ADDRESS",
        "a data load of a missing file|  binary: FVP_Base_RevC-2xAEMvA|  data: ['cluster0.cpu0=nothere.bin@0x88000000']|fvp.data[0]: no readable file at",
        "a bad parameter name|  binary: FVP_Base_RevC-2xAEMvA|  parameters: {'bp vis': 1}|fvp.parameters: 'bp vis' is not a model parameter name",
        "a console without a terminal|  agent: {kind: tcp, terminal: terminal_0}|  agent: {kind: tcp}|consoles.agent.terminal: missing field",
        "a console with a fixed port|  agent: {kind: tcp, terminal: terminal_0}|  agent: {kind: tcp, terminal: terminal_0, port: 5000}|consoles.agent.port: an FVP terminal's port is the one the model announces",
        "a telnet console|  agent: {kind: tcp, terminal: terminal_0}|  agent: {kind: telnet, terminal: terminal_0}|consoles.agent.kind: unknown console kind 'telnet' (known for a fvp: tcp)",
        "QEMU settings|kind: fvp|kind: fvp\\nqemu: {machine: virt, cpu: max}|qemu: only a target of kind qemu takes this section",
    })
    void refusesWithOneErrorNamingTheField(String what, String from, String to, String error) throws IOException {
        String text = VALID.replace(from, to.replace("\\n", "\n"));
        assertThat(text).as("the case changes the descriptor").isNotEqualTo(VALID);
        assertThatThrownBy(() -> load(text)).isInstanceOf(TargetException.class).hasMessageStartingWith(file() + ": " + error);
    }

    @Test
    @DisplayName("refuses to boot without TF-A: a model's cores reset into EL3 at address 0")
    void needsFirmware() {
        assertThatThrownBy(() -> load(VALID.replace("firmware: {bl1: bl1.bin, fip: fip.bin}\n", "")))
                .hasMessage(file() + ": firmware: an FVP target boots TF-A: give firmware.bl1 and firmware.fip");
    }

    @Test
    @DisplayName("names the field, or FWCTS_FVP, when the model is not installed")
    void missingModelNamesTheField() throws IOException {
        TargetDescriptor fvp = load(VALID.replace("binary: FVP_Base_RevC-2xAEMvA", "binary: ./models/FVP_Base_RevC-2xAEMvA"));
        String override = System.getenv(FvpSettings.BINARY_VARIABLE);
        String source = override == null || override.isBlank() ? file() + ": fvp.binary" : "environment variable FWCTS_FVP";
        assertThatThrownBy(() -> FvpLauncher.binary(fvp)).hasMessageStartingWith(source + ": '")
                .hasMessageContaining("is not an executable model");
    }

    @Test
    @DisplayName("starts the model from its preset, then the firmware, then the descriptor's parameters, and loads the agent as asked")
    void commandLine() throws IOException {
        TargetDescriptor fvp = load(VALID.replace("  binary: FVP_Base_RevC-2xAEMvA\n", """
                binary: FVP_Base_RevC-2xAEMvA
                preset: rme
                agentLoad: preload
                parameters:
                  cluster0.NUM_CORES: 1
                  bp.terminal_0.start_port: 6000
                data: ['cluster1.cpu0=bl1.bin@0x80000000']
                extraArgs: [--stat]
                """.indent(2)));
        AgentImage agent = new AgentImage("agent-fvp", dir.resolve("agent-fvp.bin"), 0x88000000L, "0".repeat(64));
        List<String> args = FvpCommandLine.arguments(Path.of("/opt/fvp/FVP"), fvp.settings(FvpSettings.class), dir.resolve("bl1.bin"),
                dir.resolve("work/fip-with-agent.bin"), agent);

        assertThat(args.get(0)).isEqualTo("/opt/fvp/FVP");
        assertThat(String.join(" ", args))
                .contains("-C bp.vis.disable_visualisation=1", "-C bp.terminal_0.mode=raw", "-C bp.terminal_0.start_telnet=0",
                        "-C bp.pl011_uart0.unbuffered_output=1", "-C cluster0.rme_support_level=2",
                        "-C bp.secureflashloader.fname=" + dir.resolve("bl1.bin"),
                        "-C bp.flashloader0.fname=" + dir.resolve("work/fip-with-agent.bin"),
                        "-C bp.terminal_0.start_port=6000",
                        "--data cluster0.cpu0=" + dir.resolve("agent-fvp.bin") + "@0x88000000",
                        "--data cluster1.cpu0=" + dir.resolve("bl1.bin") + "@0x80000000")
                .endsWith("--stat");
        assertThat(args).as("each parameter once, the descriptor's value winning over the preset's")
                .contains("cluster0.NUM_CORES=1").doesNotContain("cluster0.NUM_CORES=4");
        assertThat(args.stream().filter(a -> a.startsWith("cluster0.NUM_CORES=")).count()).isEqualTo(1);
    }
}
