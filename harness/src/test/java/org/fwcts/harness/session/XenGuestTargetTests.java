package org.fwcts.harness.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.fwcts.harness.console.FakeXenUart;
import org.fwcts.harness.console.Transcript;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.DescriptorLoader;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Greeting Xen's guests on a stand-in Xen console (FakeXenUart): no Xen build needed. */
@DisplayName("Connecting to the agents of Xen's guests")
class XenGuestTargetTests {
    @TempDir
    Path dir;

    private TargetDescriptor descriptor(String vms, String guests) throws Exception {
        for (String file : List.of("xen", "bl1.bin", "fip.bin")) {
            Files.write(dir.resolve(file), new byte[16]);
        }
        return DescriptorLoader.load(Files.writeString(dir.resolve("xen.yaml"), """
                name: fake-xen
                kind: xen
                profile: xen-4.22-ffa
                profileOverrides:
                  vms: "%s"
                  vmToVm: "true"
                xen:
                  qemu:
                    machine: virt,secure=on,virtualization=on,gic-version=3
                    cpu: cortex-a57
                  image: xen
                  inputGapMillis: 1
                  guests:
                %s
                agent:
                  image: agent-xen
                firmware:
                  bl1: bl1.bin
                  fip: fip.bin
                consoles:
                  agent:
                    kind: stdio
                timeouts:
                  bootSeconds: 5
                  commandSeconds: 2
                """.formatted(vms, guests)));
    }

    private static RunningTarget launched() {
        return new ConsolesOnlyTarget(List.of());
    }

    @Test
    @DisplayName("offers each guest's agent by its FF-A ID, domain ID + 1")
    void agentsByFfaId() throws Exception {
        TargetDescriptor descriptor = descriptor("2:1,3:1", "    vm1: {}\n    vm2: {}");
        try (XenGuestTarget xen = XenGuestTarget.connect(descriptor, launched(), new FakeXenUart(2, 7, 0.0, 0),
                Transcript.inMemory(), UnaryOperator.identity())) {
            assertThat(xen.vmAgents().keySet()).containsExactlyInAnyOrder(EndpointId.of(2), EndpointId.of(3));
            assertThat(xen.hypervisorLog()).contains("Using TEE mediator for FF-A");
        }
    }

    @Test
    @DisplayName("names the guest whose agent never answers")
    void silentGuestIsNamed() throws Exception {
        TargetDescriptor descriptor = descriptor("2:1,3:1", "    vm1: {}\n    quiet: {}");
        assertThatThrownBy(() -> XenGuestTarget.connect(descriptor, launched(), new FakeXenUart(1, 7, 0.0, 0),
                Transcript.inMemory(), UnaryOperator.identity()))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("guest quiet (DOM2, FF-A ID 3) never answered");
    }

    @Test
    @DisplayName("refuses to run mediated guests on a Xen without the FF-A mediator, quoting Xen's log")
    void xenWithoutMediatorIsNamed() throws Exception {
        TargetDescriptor descriptor = descriptor("2:1", "    vm1: {}");
        assertThatThrownBy(() -> XenGuestTarget.connect(descriptor, launched(), new FakeXenUart(1, 7, 0.0, 0, false),
                Transcript.inMemory(), UnaryOperator.identity()))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("Xen without the FF-A mediator: its log has no 'Using TEE mediator for FF-A' line"
                        + " (Xen version 4.22.0 (fake))");
    }

    @Test
    @DisplayName("connects OP-TEE guests when Xen's log says it uses the OP-TEE mediator")
    void opteeGuests() throws Exception {
        TargetDescriptor descriptor = descriptor("2:1,3:1", "    vm1: {tee: optee}\n    vm2: {tee: optee}");
        try (XenGuestTarget xen = XenGuestTarget.connect(descriptor, launched(), new FakeXenUart(2, 7, List.of(
                "(XEN) OP-TEE supports 2 simultaneous threads per guest.", "(XEN) Using TEE mediator for OP-TEE")),
                Transcript.inMemory(), UnaryOperator.identity())) {
            assertThat(xen.vmAgents().keySet()).containsExactlyInAnyOrder(EndpointId.of(2), EndpointId.of(3));
        }
    }

    @Test
    @DisplayName("names an OP-TEE built without virtualization, quoting the lines of Xen's log that show it")
    void opteeWithoutVirtualizationIsNamed() throws Exception {
        TargetDescriptor descriptor = descriptor("2:1", "    vm1: {tee: optee}");
        assertThatThrownBy(() -> XenGuestTarget.connect(descriptor, launched(), new FakeXenUart(0, 7, List.of(
                "(XEN) OP-TEE supports 8 simultaneous threads per guest.",
                "(XEN) Panic on CPU 0:", "(XEN) TEE mediator optee from command line probe failed")),
                Transcript.inMemory(), UnaryOperator.identity()))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("OP-TEE built without virtualization (CFG_NS_VIRTUALIZATION=y): Xen found OP-TEE"
                        + " ('(XEN) OP-TEE supports 8 simultaneous threads per guest.')")
                .hasMessageContaining("it says '(XEN) TEE mediator optee from command line probe failed'");
    }

    @Test
    @DisplayName("names a Xen without the OP-TEE mediator, quoting its log")
    void xenWithoutOpteeIsNamed() throws Exception {
        TargetDescriptor descriptor = descriptor("2:1", "    vm1: {tee: optee}");
        assertThatThrownBy(() -> XenGuestTarget.connect(descriptor, launched(), new FakeXenUart(0, 7, List.of(
                "(XEN) TEE Mediator optee selected from command line", "(XEN) Panic on CPU 0:",
                "(XEN) TEE Mediator optee from command line not supported")),
                Transcript.inMemory(), UnaryOperator.identity()))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("Xen without the OP-TEE mediator (CONFIG_OPTEE): its log says"
                        + " '(XEN) TEE Mediator optee from command line not supported'");
    }

    @Test
    @DisplayName("refuses a descriptor whose guest names no known TEE, or contradicts its mediator flag")
    void teeIsChecked() {
        assertThatThrownBy(() -> descriptor("2:1", "    vm1: {tee: sel2}"))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("tee: expected ffa, optee or none, got 'sel2'");
        assertThatThrownBy(() -> descriptor("2:1", "    vm1: {tee: optee, mediator: false}"))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("mediator: says false but tee says optee");
    }

    @Test
    @DisplayName("refuses a descriptor whose profile overrides disagree with its guests, naming the field")
    void overridesMustMatchGuests() {
        assertThatThrownBy(() -> descriptor("2:2", "    vm1: {}"))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("profileOverrides.vms: must be \"2:1\" to match xen.guests");
    }
}
