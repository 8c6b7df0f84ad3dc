package org.fwcts.harness.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.fwcts.harness.agent.AgentSession;
import org.fwcts.harness.agent.Observation;
import org.fwcts.model.Registers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guest's call that real Xen never returns from, on a boot of its own (the guest is gone
 * after it). Needs FWCTS_XEN and FWCTS_XEN_TFA, as {@link XenRealTests}; skipped with the reason
 * without them.
 */
@DisplayName("A guest's call that Xen never returns from (needs FWCTS_XEN and FWCTS_XEN_TFA)")
class XenCallNotReturnedRealTests {
    /** PSCI CPU_OFF: Xen's vPSCI turns the calling vCPU off, and the call never returns. */
    private static final long PSCI_CPU_OFF = 0x8400_0002L;

    @TempDir
    Path dir;

    @Test
    @DisplayName("is recorded as not returned from the VM agent's call marker, after the call's time and two short retransmissions")
    void cpuOffDoesNotReturn() throws Exception {
        try (TargetSession session = RealXenBoot.boot("qemu-xen.yaml", "FWCTS_XEN", "FWCTS_XEN_TFA",
                "Xen's FF-A mediator", dir)) {
            AgentSession guest = ((XenGuestTarget) session.target()).sessions().values().iterator().next();
            assertThat(guest.info().capabilities()).contains(AgentSession.CALL_MARK_CAPABILITY);
            Observation observation = guest.hvc(Registers.of(PSCI_CPU_OFF));
            assertThat(observation).isInstanceOfSatisfying(Observation.NotReturned.class, notReturned ->
                    assertThat(notReturned.waited()).isLessThan(session.descriptor().commandTimeout().multipliedBy(2)));
            assertThat(guest.failure()).get().asString().contains("did not return");
        }
    }
}
