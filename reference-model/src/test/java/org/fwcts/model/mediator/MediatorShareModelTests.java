package org.fwcts.model.mediator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.mediator.MediatorWalk.VM2;
import static org.fwcts.model.mediator.MediatorWalk.VM3;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.Constituent;
import org.fwcts.model.ffa.memory.DescriptorLayout;
import org.fwcts.model.ffa.memory.MemoryAttributes;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.model.ffa.memory.RelinquishDescriptor;
import org.fwcts.model.ffa.memory.TransactionDescriptorEncoder;
import org.fwcts.model.ffa.memory.TransactionFlags;
import org.fwcts.model.ffa.memory.TransactionType;
import org.fwcts.model.ffa.spmc.ConformingAnswer;
import org.fwcts.model.firmware.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Memory shared from a VM through Xen 4.22's mediator, and the teardown of a VM with shares outstanding. */
@DisplayName("Xen's FF-A mediator: memory shares")
class MediatorShareModelTests {
    private static final EndpointId SP = EndpointId.of(0x8001);
    private static final long SHARE = FfaFunction.FFA_MEM_SHARE.x0Smc64();
    private static final long RECLAIM = FfaFunction.FFA_MEM_RECLAIM.x0();
    private static final long PAGE = 0x4020_0000L;
    private static final long SP_TX = 0x0600_0000L;

    private static byte[] share(EndpointId sender, EndpointId receiver, MemoryAttributes attributes) {
        MemoryTransaction t = MemoryTransaction.builder(sender).attributes(attributes).receiver(receiver, AccessPermissions.RW)
                .region(new Constituent(PAGE, 1)).layout(DescriptorLayout.V1_2).build();
        return TransactionDescriptorEncoder.encode(t, t.layout());
    }

    private static Registers call(MediatorWalk walk, EndpointId caller, Registers registers, byte[] tx) {
        Outcome outcome = walk.model.predict(walk.state, new FfaCall(caller, registers, tx));
        assertThat(outcome).isInstanceOf(Outcome.Predicted.class);
        walk.last = ((Outcome.Predicted) outcome).primary();
        Registers answer = ConformingAnswer.registers(walk.last.registers(), registers);
        walk.state = walk.last.next(answer);
        return answer;
    }

    private static long handle(Registers answer) {
        assertThat(MediatorWalk.status(answer)).isEqualTo(FfaFunction.FFA_SUCCESS.x0());
        return (answer.x(2) & 0xFFFF_FFFFL) | (answer.x(3) & 0xFFFF_FFFFL) << 32;
    }

    /** VM2 shares a page with the SP, which retrieves it; returns the handle. */
    private static long sharedAndRetrieved(MediatorWalk walk) {
        byte[] descriptor = share(VM2, SP, MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE);
        long handle = handle(call(walk, VM2, Registers.of(SHARE, descriptor.length, descriptor.length, 0, 0), descriptor));
        assertThat(walk.mediator().vm(VM2).shares()).containsExactly(handle);
        walk.call(SP, FfaFunction.FFA_VERSION.x0(), 0x1_0002L);
        walk.call(SP, FfaFunction.FFA_RXTX_MAP.x0Smc64(), SP_TX, SP_TX + 0x1000, 1);
        MemoryTransaction request = MemoryTransaction.builder(VM2).attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE)
                .handle(handle).flags(TransactionFlags.of(TransactionType.SHARE)).receiver(SP, AccessPermissions.RW)
                .layout(DescriptorLayout.V1_2).build();
        byte[] bytes = TransactionDescriptorEncoder.encode(request, request.layout());
        Registers retrieved = call(walk, SP, Registers.of(FfaFunction.FFA_MEM_RETRIEVE_REQ.x0Smc64(), bytes.length,
                bytes.length, 0, 0), bytes);
        assertThat(MediatorWalk.status(retrieved)).isEqualTo(FfaFunction.FFA_MEM_RETRIEVE_RESP.x0());
        assertThat(walk.last.rx()).get().isInstanceOf(MachinePagesResponse.class);
        return handle;
    }

    @Test
    @DisplayName("forwards a VM's share as the hypervisor's with the VM as sender; the SP retrieves it naming the VM;"
            + " only the sharing VM reclaims it")
    void sharedThroughTheMediator() {
        MediatorWalk walk = new MediatorWalk("xen-4.22-ffa").ready(VM2, 2).ready(VM3, 2);
        long handle = sharedAndRetrieved(walk);
        assertThat(MediatorWalk.error(walk.call(VM3, RECLAIM, handle & 0xFFFF_FFFFL, handle >>> 32, 0)))
                .as("another VM's handle").isEqualTo(FfaError.INVALID_PARAMETERS.code());
        assertThat(MediatorWalk.error(walk.call(VM2, RECLAIM, handle & 0xFFFF_FFFFL, handle >>> 32, 0)))
                .as("still retrieved: the SPMC's DENIED").isEqualTo(FfaError.DENIED.code());
        assertThat(walk.mediator().vm(VM2).shares()).as("kept after the SPMC's refusal").containsExactly(handle);
        byte[] relinquish = RelinquishDescriptor.of(handle, SP).encode();
        call(walk, SP, Registers.of(FfaFunction.FFA_MEM_RELINQUISH.x0()), relinquish);
        assertThat(MediatorWalk.status(walk.call(VM2, RECLAIM, handle & 0xFFFF_FFFFL, handle >>> 32, 0)))
                .isEqualTo(FfaFunction.FFA_SUCCESS.x0());
        assertThat(walk.mediator().vm(VM2).shares()).isEmpty();
    }

    @Test
    @DisplayName("refuses in Xen's order: the sender before the borrower, attributes before the borrower count")
    void refusals() {
        MediatorWalk walk = new MediatorWalk("xen-4.22-ffa").ready(VM2, 2);
        byte[] otherSender = share(VM3, SP, MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE);
        assertThat(MediatorWalk.error(call(walk, VM2, Registers.of(SHARE, otherSender.length, otherSender.length, 0, 0),
                otherSender))).isEqualTo(FfaError.INVALID_PARAMETERS.code());
        byte[] toVm = share(VM2, VM3, MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE);
        assertThat(MediatorWalk.error(call(walk, VM2, Registers.of(SHARE, toVm.length, toVm.length, 0, 0), toVm)))
                .isEqualTo(FfaError.NOT_SUPPORTED.code());
        byte[] device = share(VM2, SP, MemoryAttributes.DEVICE_NGNRNE);
        assertThat(MediatorWalk.error(call(walk, VM2, Registers.of(SHARE, device.length, device.length, 0, 0), device)))
                .isEqualTo(FfaError.NOT_SUPPORTED.code());
        assertThat(MediatorWalk.error(call(walk, VM2, Registers.of(SHARE, 8192, 8192, 0, 0), device)))
                .as("longer than the TX buffer").isEqualTo(FfaError.INVALID_PARAMETERS.code());
        assertThat(walk.mediator().vm(VM2).shares()).isEmpty();
    }

    @Test
    @DisplayName("leaves sharing unmodelled for Xen 4.21, which passes the guest's lengths on")
    void olderReleases() {
        MediatorWalk walk = new MediatorWalk("xen-4.21-ffa").ready(VM2, 1);
        byte[] descriptor = share(VM2, SP, MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE);
        assertThat(walk.model.predict(walk.state, new FfaCall(VM2, Registers.of(SHARE, descriptor.length,
                descriptor.length, 0, 0), descriptor))).isInstanceOf(Outcome.Unmodelled.class);
    }

    @Test
    @DisplayName("a destroyed VM leaves the list at once; its share still retrieved is reclaimed at a later round,"
            + " once the SP has relinquished it")
    void teardownWithShareOutstanding() {
        MediatorWalk walk = new MediatorWalk("xen-4.22-ffa").ready(VM2, 2).ready(VM3, 2);
        long handle = sharedAndRetrieved(walk);
        assertThat(walk.mediator().listed()).contains(VM2);
        walk.state = walk.model.destroyVm(walk.state, VM2);
        assertThat(walk.mediator().listed()).as("off the list").doesNotContain(VM2);
        assertThat(walk.mediator().vm(VM2).mailbox()).isEmpty();
        assertThat(walk.mediator().vm(VM2).shares()).as("DENIED: tried again later").containsExactly(handle);
        byte[] relinquish = RelinquishDescriptor.of(handle, SP).encode();
        call(walk, SP, Registers.of(FfaFunction.FFA_MEM_RELINQUISH.x0()), relinquish);
        walk.state = walk.model.retryTeardown(walk.state, VM2);
        assertThat(walk.mediator().vm(VM2).shares()).as("reclaimed at the retry").isEmpty();
        assertThat(walk.model.ffaState(walk.state).memory().transaction(handle)).isEqualTo(Optional.empty());
        assertThat(List.of(VM3)).isEqualTo(walk.mediator().listed());
    }
}
