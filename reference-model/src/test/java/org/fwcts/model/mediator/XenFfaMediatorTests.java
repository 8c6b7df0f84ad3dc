package org.fwcts.model.mediator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.mediator.MediatorWalk.VM2;
import static org.fwcts.model.mediator.MediatorWalk.VM3;
import static org.fwcts.model.mediator.MediatorWalk.error;
import static org.fwcts.model.mediator.MediatorWalk.status;

import java.util.List;
import java.util.Map;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.discovery.PartitionInfoDescriptor;
import org.fwcts.model.ffa.discovery.PartitionInfoLayout;
import org.fwcts.model.ffa.discovery.PartitionInfoRx;
import org.fwcts.model.firmware.Outcome;
import org.fwcts.model.profile.AgentTopologies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Xen's FF-A mediator model")
class XenFfaMediatorTests {
    private static final long VERSION = FfaFunction.FFA_VERSION.x0();
    private static final long ID_GET = FfaFunction.FFA_ID_GET.x0();
    private static final long FEATURES = FfaFunction.FFA_FEATURES.x0();
    private static final long INFO = FfaFunction.FFA_PARTITION_INFO_GET.x0();
    private static final long RX_RELEASE = FfaFunction.FFA_RX_RELEASE.x0();
    private static final long UNMAP = FfaFunction.FFA_RXTX_UNMAP.x0();
    private static final long SUCCESS = FfaFunction.FFA_SUCCESS.x0();
    private static final long REQ_64 = FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0Smc64();
    private static final int SP = AgentTopologies.SP_AGENT_ID.value();

    private static List<PartitionInfoDescriptor> listed(MediatorWalk walk) {
        return ((PartitionInfoRx) walk.last.rx().orElseThrow()).descriptors();
    }

    private static List<Integer> ids(MediatorWalk walk) {
        return listed(walk).stream().map(d -> d.id().value()).toList();
    }

    @Nested
    @DisplayName("Xen 4.22")
    class Xen422 {
        @Test
        @DisplayName("answers its own version 1.2 to any request, and refuses other calls before the first FFA_VERSION")
        void versionFirst() {
            MediatorWalk walk = new MediatorWalk("xen-4.22-ffa");
            assertThat(error(walk.call(VM2, ID_GET))).isEqualTo(FfaError.NOT_SUPPORTED.code());
            assertThat(walk.call(VM2, VERSION, 0x1_0001L).x(0)).isEqualTo(0x1_0002L);
            assertThat(walk.call(VM2, VERSION, 0x2_0000L).x(0)).isEqualTo(0x1_0002L);
            assertThat(walk.call(VM2, ID_GET).x(2)).isEqualTo(2);
            assertThat(walk.mediator().vm(VM2).agreedVersion()).as("the last request before the first other call")
                    .isEqualTo(0x1_0002);
            assertThat(walk.last.registers().rule().id()).isEqualTo("XEN.FFA.ID");
        }

        @Test
        @DisplayName("lists a VM to the others once it made a call after FFA_VERSION, and a v1.2 caller first sees itself")
        void listing() {
            MediatorWalk walk = new MediatorWalk("xen-4.22-ffa").ready(VM2, 2);
            walk.call(VM3, VERSION, 0x1_0002L);
            walk.call(VM2, INFO, 0, 0, 0, 0, 0);
            assertThat(ids(walk)).as("VM3 has only called FFA_VERSION").containsExactly(SP, 2);
            walk.call(VM2, RX_RELEASE);
            walk.call(VM3, ID_GET);
            Registers answer = walk.call(VM2, INFO, 0, 0, 0, 0, 0);
            assertThat(ids(walk)).containsExactly(SP, 2, 3);
            assertThat(answer.x(2)).isEqualTo(3);
            assertThat(answer.x(3)).isEqualTo(24);
            PartitionInfoDescriptor vm3 = listed(walk).get(2);
            assertThat(vm3.properties()).isEqualTo(0x10E);
            assertThat(vm3.protocolUuid()).hasValueSatisfying(uuid -> assertThat(uuid.isNil()).isTrue());
            assertThat(walk.mediator().timesListed(VM3)).isEqualTo(1);
        }

        @Test
        @DisplayName("leaves a v1.1 caller out of its own list and count, and gives a v1.0 caller 8-byte entries with w3 = 0")
        void olderCallers() {
            MediatorWalk walk = new MediatorWalk("xen-4.22-ffa").ready(VM2, 1).ready(VM3, 0);
            walk.call(VM2, INFO, 0, 0, 0, 0, 0);
            assertThat(ids(walk)).containsExactly(SP, 3);
            assertThat(walk.call(VM2, INFO, 0, 0, 0, 0, 1).x(2)).as("count only").isEqualTo(2);
            Registers v10 = walk.call(VM3, INFO, 0, 0, 0, 0, 0);
            assertThat(ids(walk)).containsExactly(SP, 2);
            assertThat(v10.x(3)).isZero();
            assertThat(((PartitionInfoRx) walk.last.rx().orElseThrow()).layout()).isEqualTo(PartitionInfoLayout.V1_0);
        }

        @Test
        @DisplayName("needs the caller's own RX buffer mapped and free: another VM's buffers do not count")
        void ownBuffers() {
            MediatorWalk walk = new MediatorWalk("xen-4.22-ffa").ready(VM2, 2);
            walk.call(VM3, VERSION, 0x1_0002L);
            assertThat(error(walk.call(VM3, INFO, 0, 0, 0, 0, 0))).isEqualTo(FfaError.DENIED.code());
            assertThat(error(walk.call(VM3, RX_RELEASE))).isEqualTo(FfaError.DENIED.code());
            walk.call(VM2, INFO, 0, 0, 0, 0, 0);
            assertThat(error(walk.call(VM2, INFO, 0, 0, 0, 0, 0))).isEqualTo(FfaError.BUSY.code());
            assertThat(error(walk.call(VM2, UNMAP))).as("RX still owned").isEqualTo(FfaError.DENIED.code());
            assertThat(status(walk.call(VM2, RX_RELEASE))).isEqualTo(SUCCESS);
            assertThat(status(walk.call(VM2, UNMAP))).isEqualTo(SUCCESS);
        }

        @Test
        @DisplayName("answers NO_MEMORY when the list does not fit one page")
        void noMemory() {
            StringBuilder vms = new StringBuilder();
            for (int id = 2; id < 2 + 171; id++) {
                vms.append(vms.length() == 0 ? "" : ",").append(id).append(":1");
            }
            MediatorWalk walk = new MediatorWalk("xen-4.22-ffa", Map.of("vms", vms.toString()));
            for (int id = 3; id < 2 + 171; id++) {
                walk.call(EndpointId.of(id), VERSION, 0x1_0002L);
                walk.call(EndpointId.of(id), ID_GET);
            }
            walk.ready(VM2, 2);
            assertThat(error(walk.call(VM2, INFO, 0, 0, 0, 0, 0))).isEqualTo(FfaError.NO_MEMORY.code());
            assertThat(walk.last.registers().rule().id()).isEqualTo("XEN.FFA.PARTITION_INFO.NO_MEMORY");
            assertThat(walk.mediator().vm(VM2).mailbox().orElseThrow().rxFree()).isTrue();
        }

        @Test
        @DisplayName("forwards a VM's direct request to the SP, which sees the VM's ID as sender")
        void directRequest() {
            MediatorWalk walk = new MediatorWalk("xen-4.22-ffa").ready(VM3, 2);
            Outcome outcome = walk.peek(VM3, REQ_64, (3L << 16) | SP, 0, 7);
            assertThat(outcome).isInstanceOf(Outcome.Forwarded.class);
            Outcome.Forwarded forwarded = (Outcome.Forwarded) outcome;
            assertThat(forwarded.receiver().value()).isEqualTo(SP);
            assertThat(forwarded.receiverSees().admits(Registers.of(REQ_64, (3L << 16) | SP, 0, 7))).isTrue();
            assertThat(error(walk.call(VM3, REQ_64, (2L << 16) | SP))).as("another VM's ID as sender")
                    .isEqualTo(FfaError.INVALID_PARAMETERS.code());
            assertThat(error(walk.call(VM3, REQ_64, (3L << 16) | 2))).as("to a VM")
                    .isEqualTo(FfaError.NOT_SUPPORTED.code());
        }

        @Test
        @DisplayName("reports RXTX_MAP's page limit to v1.2 callers, and the notification interrupts")
        void features() {
            MediatorWalk walk = new MediatorWalk("xen-4.22-ffa").ready(VM2, 2);
            assertThat(walk.call(VM2, FEATURES, FfaFunction.FFA_RXTX_MAP.x0Smc64()).x(2)).isEqualTo(1L << 16);
            assertThat(walk.call(VM2, FEATURES, 1).x(2)).isEqualTo(8);
            assertThat(walk.call(VM2, FEATURES, 2).x(2)).isEqualTo(9);
            assertThat(error(walk.call(VM2, FEATURES, FfaFunction.FFA_MEM_LEND.x0()))).isEqualTo(FfaError.NOT_SUPPORTED.code());
            assertThat(status(walk.call(VM2, FEATURES, FfaFunction.FFA_ID_GET.x0(), 5))).as("w2 ignored").isEqualTo(SUCCESS);
            assertThat(error(walk.call(VM2, FfaFunction.FFA_MEM_LEND.x0()))).isEqualTo(FfaError.NOT_SUPPORTED.code());
        }

        @Test
        @DisplayName("gives a VM without the mediator SMCCC's unknown-function answer")
        void detached() {
            MediatorWalk walk = new MediatorWalk("xen-4.22-ffa", Map.of("vms", "2:1,3:1:detached"));
            assertThat(walk.call(VM3, VERSION, 0x1_0002L).x(0) & 0xFFFF_FFFFL).isEqualTo(0xFFFF_FFFFL);
            assertThat(walk.last.registers().rule().id()).isEqualTo("XEN.FFA.NOT_ATTACHED");
        }
    }

    @Nested
    @DisplayName("Xen 4.21")
    class Xen421 {
        @Test
        @DisplayName("answers 1.1, lists a VM at its first FFA_VERSION, and never lists the caller")
        void listing() {
            MediatorWalk walk = new MediatorWalk("xen-4.21-ffa").ready(VM2, 1);
            assertThat(walk.call(VM3, VERSION, 0x1_0001L).x(0)).isEqualTo(0x1_0001L);
            Registers answer = walk.call(VM2, INFO, 0, 0, 0, 0, 0);
            assertThat(ids(walk)).containsExactly(SP, 3);
            assertThat(answer.x(3)).isEqualTo(24);
        }

        @Test
        @DisplayName("gates nothing before FFA_VERSION and reports w3 = 8 to a v1.0 caller")
        void ungated() {
            MediatorWalk walk = new MediatorWalk("xen-4.21-ffa");
            assertThat(walk.call(VM2, ID_GET).x(2)).isEqualTo(2);
            walk.ready(VM2, 0);
            assertThat(walk.call(VM2, INFO, 0, 0, 0, 0, 0).x(3)).isEqualTo(8);
        }

        @Test
        @DisplayName("refuses FFA_FEATURES with w2 set")
        void featuresInputs() {
            MediatorWalk walk = new MediatorWalk("xen-4.21-ffa").ready(VM2, 1);
            assertThat(error(walk.call(VM2, FEATURES, FfaFunction.FFA_ID_GET.x0(), 5))).isEqualTo(FfaError.NOT_SUPPORTED.code());
        }
    }

    @Test
    @DisplayName("Xen 4.20 has no VM-to-VM: a caller sees the SPs alone")
    void xen420() {
        MediatorWalk walk = new MediatorWalk("xen-4.20-ffa").ready(VM2, 1).ready(VM3, 1);
        walk.call(VM2, INFO, 0, 0, 0, 0, 0);
        assertThat(ids(walk)).containsExactly(SP);
    }
}
