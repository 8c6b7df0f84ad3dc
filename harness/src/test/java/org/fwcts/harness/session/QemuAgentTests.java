package org.fwcts.harness.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fwcts.harness.agent.AgentIdentity;
import org.fwcts.harness.agent.AgentReply;
import org.fwcts.harness.agent.AgentSession;
import org.fwcts.harness.agent.ChainChecks;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.console.Transcript;
import org.fwcts.model.Registers;
import org.fwcts.targets.Launchers;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.descriptor.DescriptorLoader;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The agent on real QEMU")
class QemuAgentTests {
    /** ESR_ELx.EC for an HVC taken from AArch64. */
    private static final int EC_HVC64 = 0x16;
    /** ESR_ELx.EC for a data abort taken without a change in exception level. */
    private static final int EC_DATA_ABORT_SAME_EL = 0x25;
    /** Free RAM on QEMU virt well above the agent (which sits at 0x40080000). */
    private static final long SCRATCH = 0x4800_0000L;

    @TempDir
    static Path dir;

    static TargetSession boot(String consoleKind, Transcript transcript) throws IOException, InterruptedException {
        ProjectLayout layout = ProjectLayout.discover();
        String text = Files.readString(layout.targetsDir().resolve("qemu-virt.yaml"))
                .replace("kind: stdio", "kind: " + consoleKind);
        Path file = Files.writeString(Files.createTempDirectory(dir, consoleKind).resolve("qemu-" + consoleKind + ".yaml"), text);
        TargetDescriptor descriptor = DescriptorLoader.load(file);
        return TargetSession.boot(descriptor, Launchers.forTarget(descriptor, layout), file.getParent(), transcript);
    }

    @ParameterizedTest(name = "over a {0} console")
    @ValueSource(strings = {"stdio", "tcp", "telnet", "pty"})
    @DisplayName("boots, shakes hands at EL2 and answers an SMC and an echo")
    void answersOverEachConsoleKind(String kind) throws Exception {
        Transcript transcript = Transcript.inMemory();
        try (TargetSession session = boot(kind, transcript)) {
            assertThat(session.agentInfo().exceptionLevel()).isEqualTo(2);
            assertThat(session.agentInfo().protocol()).isEqualTo(AgentSession.PROTOCOL_VERSION);
            assertThat(session.agentInfo().identity()).isEqualTo(new AgentIdentity(AgentIdentity.Role.HOST, 0));
            assertThat(session.agentInfo().capabilities()).contains("smc", "hvc", "mem", "exec", "hash", "echo");
            Observation observation = session.agent().smc(Registers.of(0x8400_0000L));
            assertThat(observation).isInstanceOf(Observation.Completed.class);
            assertThat(session.agent().request("echo", List.of("a", "b"))).isEqualTo(new AgentReply.Ok(List.of("a", "b")));
        }
        assertThat(transcript.since(0)).contains("agent TX >").contains("agent RX <");
        if (kind.equals("stdio") || kind.equals("tcp")) {
            // These consoles hold the machine until the harness reads them, so the banner arrives. QEMU
            // starts a pseudo-terminal's machine at once and drops output during telnet negotiation:
            // there the handshake stands in for the banner.
            assertThat(transcript.since(0)).contains("!fwcts-agent");
        }
    }

    @Test
    @DisplayName("boots with a firmware console beside the agent's: QEMU holds the machine until both are read")
    void firmwareConsoleBeside() throws Exception {
        ProjectLayout layout = ProjectLayout.discover();
        String text = Files.readString(layout.targetsDir().resolve("qemu-virt.yaml"))
                .replace("timeouts:", "  firmware:\n    kind: tcp\ntimeouts:");
        Path file = Files.writeString(Files.createTempDirectory(dir, "firmware").resolve("qemu-firmware.yaml"), text);
        TargetDescriptor descriptor = DescriptorLoader.load(file);
        assertThat(descriptor.consoles()).hasSize(2);
        try (TargetSession session = TargetSession.boot(descriptor, Launchers.forTarget(descriptor, layout),
                file.getParent(), Transcript.inMemory())) {
            assertThat(session.target().consoles()).extracting(endpoint -> endpoint.name()).containsExactly("agent", "firmware");
            assertThat(session.agent().smc(Registers.of(0x8400_0000L))).isInstanceOf(Observation.Completed.class);
            TargetSession again = session.rebootInPlace().orElseThrow();
            try (again) {
                assertThat(again.agent().smc(Registers.of(0x8400_0000L))).isInstanceOf(Observation.Completed.class);
            }
        }
    }

    @ParameterizedTest(name = "over a {0} console")
    @ValueSource(strings = {"stdio", "tcp"})
    @DisplayName("boots again by a reset in place: the same QEMU, the firmware's boot and the agent's handshake anew")
    void rebootsInPlace(String kind) throws Exception {
        Transcript transcript = Transcript.inMemory();
        try (TargetSession first = boot(kind, transcript)) {
            long bannersBefore = banners(transcript);
            TargetSession second = first.rebootInPlace().orElseThrow();
            try (second) {
                assertThat(first.state()).isEqualTo(TargetSession.State.STOPPED);
                assertThat(second.target()).isSameAs(first.target());
                assertThat(second.target().isAlive()).isTrue();
                // The agent started again from its entry point: it printed its banner once more.
                assertThat(banners(transcript)).isEqualTo(bannersBefore + 1);
                assertThat(second.agent().smc(Registers.of(0x8400_0000L))).isInstanceOf(Observation.Completed.class);
                assertThat(second.agent().request("echo", List.of("c"))).isEqualTo(new AgentReply.Ok(List.of("c")));
            }
            assertThat(second.target().isAlive()).isFalse();
        }
    }

    private static long banners(Transcript transcript) {
        return transcript.since(0).lines().filter(line -> line.contains("!fwcts-agent")).count();
    }

    @Nested
    @DisplayName("over its default console")
    class Commands {

        @Test
        @DisplayName("reports HVC at EL2 as an HVC exception instead of dying, then keeps answering")
        void hvcAtEl2Faults() throws Exception {
            try (TargetSession session = boot("stdio", Transcript.inMemory())) {
                Observation hvc = session.agent().hvc(Registers.of(0x8400_0000L));
                assertThat(hvc).isInstanceOfSatisfying(Observation.Faulted.class,
                        f -> assertThat(f.exception().exceptionClass()).isEqualTo(EC_HVC64));
                assertThat(session.agent().smc(Registers.of(0x8400_0000L))).isInstanceOf(Observation.Completed.class);
            }
        }

        @Test
        @DisplayName("writes, reads, fills and hashes memory; refuses unaligned access; reports a fault for unmapped memory")
        void memoryCommands() throws Exception {
            try (TargetSession session = boot("stdio", Transcript.inMemory())) {
                AgentSession agent = session.agent();
                String address = Long.toHexString(SCRATCH);
                assertThat(agent.request("wr", List.of("8", address, "1122334455667788"))).isInstanceOf(AgentReply.Ok.class);
                assertThat(agent.request("rd", List.of("8", address))).isEqualTo(new AgentReply.Ok(List.of("1122334455667788")));
                assertThat(agent.request("rdb", List.of(address, "2"))).isEqualTo(new AgentReply.Ok(List.of("8877")));
                assertThat(agent.request("rd", List.of("8", Long.toHexString(SCRATCH + 3)))).isEqualTo(new AgentReply.Rejected("align"));
                assertThat(agent.request("fill", List.of(address, "1000", "0"))).isInstanceOf(AgentReply.Ok.class);
                long crcOf4096Zeros = crc(new byte[4096]);
                assertThat(agent.request("hash", List.of(address, "1000")))
                        .isEqualTo(new AgentReply.Ok(List.of(Long.toHexString(crcOf4096Zeros))));
                AgentReply unmapped = agent.request("rd", List.of("4", "7ffff000000"));
                assertThat(unmapped).isInstanceOfSatisfying(AgentReply.Fault.class,
                        f -> assertThat(f.exception().exceptionClass()).isEqualTo(EC_DATA_ABORT_SAME_EL));
            }
        }

        @Test
        @DisplayName("answers hello in each protocol version it speaks: 2 with its identity, 1 as a version 1 agent did")
        void answersEachProtocolVersion() throws Exception {
            try (TargetSession session = boot("stdio", Transcript.inMemory())) {
                AgentReply v2 = session.agent().request("hello", List.of("2"));
                assertThat(v2).isInstanceOfSatisfying(AgentReply.Ok.class, ok -> assertThat(ok.fields())
                        .startsWith("proto=2", "el=2").contains("agent=host", "ep=0"));
                AgentReply v1 = session.agent().request("hello", List.of("1"));
                assertThat(v1).isInstanceOfSatisfying(AgentReply.Ok.class, ok -> assertThat(ok.fields())
                        .startsWith("proto=1", "el=2").noneMatch(field -> field.startsWith("agent=") || field.startsWith("ep=")));
                assertThat(session.agent().request("hello", List.of("3"))).isEqualTo(new AgentReply.Rejected("proto"));
                assertThat(session.agent().request("hello", List.of("0"))).isEqualTo(new AgentReply.Rejected("proto"));
            }
        }

        @Test
        @DisplayName("runs chains: in order with one reply, stopping at a fault or an expectation that does not hold")
        void chains() throws Exception {
            try (TargetSession session = boot("stdio", Transcript.inMemory())) {
                new ChainChecks(session.agent(), SCRATCH, 0x7ff_ff00_0000L, Registers.of(0x8400_0000L)).all();
            }
        }

        @Test
        @DisplayName("executes code placed in memory: a 'ret' returns x0")
        void executesCode() throws Exception {
            try (TargetSession session = boot("stdio", Transcript.inMemory())) {
                String address = Long.toHexString(SCRATCH);
                String ret = "d65f03c0";
                session.agent().request("wr", List.of("4", address, ret));
                assertThat(session.agent().request("exec", List.of(address, "2a"))).isEqualTo(new AgentReply.Ok(List.of("2a")));
            }
        }
    }

    private static long crc(byte[] bytes) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
