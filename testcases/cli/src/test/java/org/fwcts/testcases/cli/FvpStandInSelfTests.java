package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fwcts.targets.Executables;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FVP target against {@link FvpStandIn}, an executable that stands in for an Arm FVP (which
 * cannot be installed here): the descriptor, launcher, terminal announcements, draining of the
 * other UARTs, the agent console and the model's shutdown are the real code; the model is not.
 */
@DisplayName("An FVP target (on a stand-in model: QEMU virt behind an FVP's command line and terminals)")
class FvpStandInSelfTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LICENCE = "27000@licences.example";

    @TempDir
    Path temp;
    private Path record;
    private Path model;

    @BeforeEach
    void standInModel() throws Exception {
        assumeTrue(Executables.find("qemu-system-aarch64").isPresent() && Executables.find("fiptool").isPresent(),
                "needs qemu-system-arm and arm-trusted-firmware-tools (./fwcts selftest installs them)");
        ProjectLayout layout = ProjectLayout.discover();
        record = temp.resolve("model-record.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        model = Files.writeString(temp.resolve("FVP_Base_RevC-2xAEMvA"), String.join("\n", "#!/bin/sh",
                "# A stand-in for an Arm FVP (see FvpStandIn); not a model.",
                "export " + FvpStandIn.AGENT_VARIABLE + "='" + layout.root().resolve("firmware-images/build/agent-virt.elf") + "'",
                "export " + FvpStandIn.RECORD_VARIABLE + "='" + record + "'",
                "exec '" + java + "' -cp '" + System.getProperty("java.class.path") + "' " + FvpStandIn.class.getName() + " \"$@\"",
                ""));
        Files.setPosixFilePermissions(model, PosixFilePermissions.fromString("rwxr-xr-x"));
        // TF-A stand-ins: a BL1 and a FIP with a BL31 entry; the launcher adds the agent as BL33 to a copy.
        Files.write(temp.resolve("bl1.bin"), new byte[] {1, 2, 3, 4});
        Path bl31 = Files.write(temp.resolve("bl31.bin"), new byte[] {5, 6, 7, 8});
        run("fiptool", "create", "--soc-fw", bl31.toString(), temp.resolve("fip.bin").toString());
    }

    private Path descriptor(String parameters) throws IOException {
        return Files.writeString(temp.resolve("fvp-standin.yaml"), """
                # An FVP target whose model is a stand-in (see FvpStandIn).
                name: fvp-standin
                kind: fvp
                profile: qemu-builtin-psci
                fvp:
                  binary: %s
                  preset: rme
                  parameters:
                %s
                firmware: {bl1: bl1.bin, fip: fip.bin}
                agent: {image: agent-fvp}
                consoles:
                  agent: {kind: tcp, terminal: terminal_0}
                  runtime: {kind: tcp, terminal: terminal_1}
                timeouts: {bootSeconds: 30, commandSeconds: 5}
                """.formatted(model, parameters.indent(4).stripTrailing()));
    }

    @Test
    @DisplayName("runs the SMCCC and PSCI tests with QEMU's verdicts; the model got the preset, the FIP with the agent and the licence variable, and is gone after the run")
    void runsTheSuiteThroughTheModelsTerminal() throws Exception {
        Path runDir = temp.resolve("run");
        Process fwcts;
        // The model's preferred port for terminal_0 is taken: it must announce the next one, and the harness follow.
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path descriptor = descriptor("bp.terminal_0.start_port: " + taken.getLocalPort());
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Dfwcts.home=" + ProjectLayout.discover().root(),
                    "-cp", System.getProperty("java.class.path"), FwctsCommand.class.getName(), "run", "--target",
                    descriptor.toString(), "--tag", "smccc | psci", "--progress", "plain", "--output", runDir.toString()))
                    .redirectErrorStream(true).redirectOutput(temp.resolve("out.txt").toFile());
            builder.environment().put("ARMLMD_LICENSE_FILE", LICENCE);
            fwcts = builder.start();
            assertThat(fwcts.waitFor(3, TimeUnit.MINUTES)).as("the run ends").isTrue();
            assertThat(Files.readString(record)).contains("-C bp.terminal_0.start_port=" + taken.getLocalPort());
        }
        String out = Files.readString(temp.resolve("out.txt"));
        assertThat(fwcts.exitValue()).as(out).isEqualTo(1);

        Path qemuRun = temp.resolve("qemu");
        CliRun.of("run", "--tag", "smccc | psci", "--output", qemuRun.toString());
        assertThat(SummaryVerdicts.of(runDir)).as(out).hasSizeGreaterThan(60).isEqualTo(SummaryVerdicts.of(qemuRun)).containsValue("FAILED");

        String given = Files.readString(record);
        assertThat(given).contains("-C bp.vis.disable_visualisation=1", "-C bp.terminal_0.mode=raw",
                "-C bp.terminal_1.start_telnet=0", "-C cluster0.rme_support_level=2",
                "-C bp.secureflashloader.fname=" + temp.resolve("bl1.bin"),
                "fip-with-agent.bin", "env ARMLMD_LICENSE_FILE=" + LICENCE, "result started");
        JsonNode target = JSON.readTree(runDir.resolve("summary.json").toFile()).get("target");
        assertThat(target.toString()).contains("firmware:bl1", "firmware:fip", "agent:agent-fvp");
        for (String line : given.lines().filter(l -> l.startsWith("pid ") || l.startsWith("qemu-pid ")).toList()) {
            long pid = Long.parseLong(line.substring(line.indexOf(' ') + 1));
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as(line + " outlived the run").isEmpty();
        }
    }

    @Test
    @DisplayName("a model that refuses its parameters ends the run with its own error and exit 2")
    void modelErrorIsReported() throws Exception {
        CliRun run = CliRun.of("run", "--target", descriptor("bp.vis.disable_visualisation: 0").toString(),
                "--tag", "psci", "--output", temp.resolve("refused").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out() + run.err()).contains("the FVP exited with status 1 before announcing terminal_0")
                .contains("Error: cannot open display");
    }


    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
