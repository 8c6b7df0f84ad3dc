package org.fwcts.harness.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fwcts.harness.agent.AgentSession;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.pipeline.Conduit;
import org.fwcts.harness.pipeline.ConcurrentAgentChannel;
import org.fwcts.harness.pipeline.Observed;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.targets.xen.XenGuest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Xen 4.22 with its FF-A mediator on QEMU, booted from {@code targets/qemu-xen.yaml}: two
 * guests with the mediator and a third without. FWCTS ships neither Xen nor TF-A: without {@code FWCTS_XEN}
 * and {@code FWCTS_XEN_TFA} naming the images this is skipped with the reason.
 */
@DisplayName("Xen's FF-A mediator on QEMU (needs FWCTS_XEN and FWCTS_XEN_TFA)")
class XenRealTests {
    /** DEN0077 function IDs and the version asked for (1.2). */
    private static final long FFA_VERSION = 0x8400_0063L;
    private static final long FFA_ID_GET = 0x8400_0069L;
    private static final long FFA_SUCCESS_32 = 0x8400_0061L;
    private static final long VERSION_1_2 = 0x1_0002L;
    private static final int RACE_ROUNDS = 20;

    @TempDir
    static Path dir;
    private static TargetSession session;
    private static XenGuestTarget xen;

    @BeforeAll
    static void boot() throws Exception {
        session = RealXenBoot.boot("qemu-xen.yaml", "FWCTS_XEN", "FWCTS_XEN_TFA", "Xen's FF-A mediator", dir);
        xen = (XenGuestTarget) session.target();
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    private static Map.Entry<XenGuest, AgentSession> guest(String name) {
        return xen.sessions().entrySet().stream().filter(e -> e.getKey().name().equals(name)).findFirst().orElseThrow();
    }

    private static long x(Observation observation, int register) {
        assertThat(observation).isInstanceOf(Observation.Completed.class);
        return ((Observation.Completed) observation).registers().x(register);
    }

    @Test
    @DisplayName("Xen's log says it uses the FF-A mediator")
    void xenHasTheMediator() {
        assertThat(MediatorPresence.xenWithoutMediator(xen.hypervisorLog())).isEmpty();
    }

    @Test
    @DisplayName("each guest with the mediator negotiates 1.2 and is given FF-A ID domain + 1")
    void guestsWithTheMediatorHaveIds() {
        for (String name : List.of("vm1", "vm2")) {
            Map.Entry<XenGuest, AgentSession> guest = guest(name);
            long version = x(guest.getValue().smc(Registers.of(FFA_VERSION, VERSION_1_2)), 0);
            assertThat(MediatorPresence.notAttached(guest.getKey(), version, xen.hypervisorLog())).isEmpty();
            assertThat(version).isEqualTo(VERSION_1_2);
            Observation id = guest.getValue().smc(Registers.of(FFA_ID_GET));
            assertThat(x(id, 0)).isEqualTo(FFA_SUCCESS_32);
            assertThat(x(id, 2)).isEqualTo(guest.getKey().ffaId());
        }
    }

    @Test
    @DisplayName("a guest without the mediator is reported as such, with the evidence")
    void guestWithoutTheMediatorIsNamed() {
        Map.Entry<XenGuest, AgentSession> vm3 = guest("vm3");
        long version = x(vm3.getValue().smc(Registers.of(FFA_VERSION, VERSION_1_2)), 0);
        assertThat(MediatorPresence.notAttached(vm3.getKey(), version, xen.hypervisorLog())).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("mediator not attached to this VM: guest vm3 (DOM3)")
                        .contains("x0 = -1").contains("mediator: false"));
    }

    @Test
    @DisplayName("FFA_VERSION released together on vm1's two vCPUs, repeated, answers both every time")
    void versionOnTwoVcpus() {
        var vm1 = (ConcurrentAgentChannel) xen.vmAgents().get(EndpointId.of(guest("vm1").getKey().ffaId()));
        int both = 0;
        for (int round = 0; round < RACE_ROUNDS; round++) {
            List<Observed> seen = vm1.invokeTogether(Conduit.SMC, Registers.of(FFA_VERSION, VERSION_1_2),
                    Registers.of(FFA_VERSION, VERSION_1_2));
            if (x(seen.get(0).observation(), 0) == VERSION_1_2 && x(seen.get(1).observation(), 0) == VERSION_1_2) {
                both++;
            }
        }
        assertThat(both).isEqualTo(RACE_ROUNDS);
    }
}
