package org.fwcts.testcases.mediator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.testcases.mediator.MediatorShares.SHARED_PAGE;
import static org.fwcts.testcases.mediator.MediatorShares.SHARE_64;
import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.util.List;
import java.util.function.UnaryOperator;
import org.fwcts.harness.agent.AgentMemory;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.CompositeRegion;
import org.fwcts.model.ffa.memory.Constituent;
import org.fwcts.model.ffa.memory.DescriptorLayout;
import org.fwcts.model.ffa.memory.MemoryAttributes;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.testcases.support.FfaCheck;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.Guests;
import org.fwcts.testcases.support.PartitionAgent;
import org.fwcts.testcases.support.TargetUnresponsiveException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * Memory shared from a VM with the SP through the mediator: the share Xen accepts (the SP retrieves
 * it naming the VM as sender, writes it, relinquishes, the VM reclaims and reads what the SP wrote),
 * each descriptor it refuses with its error, and handles that are only the sharing VM's.
 */
@FfaMediatorTest
@DisplayName("Mediator: memory shared from a VM")
class MediatorMemoryTests {
    private static final int VM_PATTERN = 0x3C;
    private static final int SP_PATTERN = 0xC3;
    private static final long RX_RELEASE = FfaFunction.FFA_RX_RELEASE.x0();

    private static EndpointId partition(FfaFirmware ffa) {
        if (ffa.model().topology().partitions().isEmpty()) {
            throw new TestAbortedException("the target has no secure partition");
        }
        return ffa.model().topology().partitions().get(0).id();
    }

    /** The VM's share, checked; returns the handle. */
    private static long share(Guests.Guest vm, EndpointId sp, long address) {
        byte[] descriptor = MediatorShares.bytes(MediatorShares.share(vm.id(), sp, address, 1).build());
        FfaCheck share = vm.call(MediatorShares.shareCall(descriptor), descriptor);
        assertThatCall(share).matchesModel();
        if ((share.observed().x(0) & 0xFFFF_FFFFL) != FfaFunction.FFA_SUCCESS.x0()) {
            throw new TestAbortedException("the share did not succeed, as the model also said: " + share.report());
        }
        return MediatorShares.handle(share.observed());
    }

    @Test
    @Tag("rule:XEN.FFA.MEM_SHARE.FORWARD")
    @Tag("rule:XEN.FFA.MEM_SHARE.MACHINE_ADDRESSES")
    @Tag("rule:XEN.FFA.MEM_RECLAIM")
    @DisplayName("a VM's page shared with the SP: retrieved naming the VM, written by the SP, relinquished, reclaimed")
    void sharedAndGivenBack(FfaFirmware ffa) {
        Guests.Guest vm = Guests.of(ffa).attached().get(0).ready(2);
        PartitionAgent sp = PartitionAgent.first(ffa);
        sp.ready();
        boolean ownMemory = vm.id().equals(ffa.self());
        long page = ffa.page(SHARED_PAGE);
        if (ownMemory) {
            require(ffa.memory().fill(page, 4096, VM_PATTERN), "fill the page to share");
        }
        long handle = share(vm, sp.id(), page);
        byte[] request = MediatorShares.retrieveRequest(handle, vm.id(), sp.id());
        FfaCheck retrieve = sp.call(MediatorShares.retrieveCall(request), request);
        assertThatCall(retrieve).matchesModel();
        long machine = MediatorShares.firstRangeAddress(retrieve.observedRx().orElseThrow(() ->
                new TargetUnresponsiveException("the SP's retrieve response could not be read")));
        assertThatCall(sp.call(Registers.of(RX_RELEASE))).matchesModel();
        assertThat(sp.fill(machine, 4096, SP_PATTERN).status())
                .as("the SP writes the VM's page at 0x%x", machine).isEqualTo(org.fwcts.harness.partition.PartitionStatus.OK);
        byte[] relinquish = MediatorShares.relinquish(handle, sp.id());
        assertThatCall(sp.call(MediatorShares.relinquishCall(), relinquish)).matchesModel();
        vm.checked(MediatorShares.reclaimCall(handle));
        if (ownMemory) {
            AgentMemory.Result read = ffa.memory().read(page, 16);
            require(read, "read the page back");
            assertThat(((AgentMemory.Result.Done) read).bytes()).as("what the SP wrote, seen by the VM")
                    .containsOnly((byte) SP_PATTERN);
        }
    }

    @Test
    @Tag("rule:XEN.FFA.MEM_RECLAIM")
    @DisplayName("a handle is the sharing VM's alone: another VM's reclaim, or one never shared, is INVALID_PARAMETERS")
    void reclaimOnlyOwn(FfaFirmware ffa) {
        List<Guests.Guest> vms = Guests.of(ffa).atLeast(2);
        Guests.Guest owner = vms.get(0).ready(2);
        Guests.Guest other = vms.get(1).ready(2);
        EndpointId sp = partition(ffa);
        long handle = share(owner, sp, ffa.page(SHARED_PAGE));
        other.checked(MediatorShares.reclaimCall(handle));
        owner.checked(MediatorShares.reclaimCall(handle ^ 0x1000_0000_0000L));
        owner.checked(MediatorShares.reclaimCall(handle));
        owner.checked(MediatorShares.reclaimCall(handle));
    }

    @Test
    @Tag("rule:XEN.FFA.MEM_SHARE")
    @DisplayName("a share needs the VM's RX/TX pair mapped: DENIED without it")
    void withoutBuffers(FfaFirmware ffa) {
        Guests.Guest vm = Guests.of(ffa).attached().get(0).ready(2);
        vm.checked(MediatorCalls.RXTX_UNMAP);
        byte[] descriptor = MediatorShares.bytes(MediatorShares.share(vm.id(), partition(ffa), ffa.page(SHARED_PAGE), 1)
                .build());
        assertThatCall(vm.call(MediatorShares.shareCall(descriptor))).matchesModel();
        vm.ready(2);
    }

    @Test
    @Tag("rule:XEN.FFA.MEM_SHARE")
    @DisplayName("the descriptor must be in the TX buffer, in one fragment: w3 set or w2 below w1 NOT_SUPPORTED, w2 over w1 INVALID_PARAMETERS")
    void oneFragmentInTx(FfaFirmware ffa) {
        Guests.Guest vm = Guests.of(ffa).attached().get(0).ready(2);
        byte[] descriptor = MediatorShares.bytes(MediatorShares.share(vm.id(), partition(ffa), ffa.page(SHARED_PAGE), 1)
                .build());
        int length = descriptor.length;
        assertThatCall(vm.call(Registers.of(SHARE_64, length, length, ffa.page(SHARED_PAGE + 1), 1), descriptor))
                .matchesModel();
        assertThatCall(vm.call(Registers.of(SHARE_64, length + 16, length, 0, 0), descriptor)).matchesModel();
        assertThatCall(vm.call(Registers.of(SHARE_64, length, length + 16, 0, 0), descriptor)).matchesModel();
    }

    @Test
    @Tag("rule:XEN.FFA.MEM_SHARE")
    @DisplayName("a fragment longer than the one-page TX buffer is INVALID_PARAMETERS, and nothing is shared")
    void fragmentOverTxBuffer(FfaFirmware ffa) {
        Guests.Guest vm = Guests.of(ffa).attached().get(0).ready(2);
        byte[] descriptor = MediatorShares.bytes(MediatorShares.share(vm.id(), partition(ffa), ffa.page(SHARED_PAGE), 1)
                .build());
        assertThatCall(vm.call(Registers.of(SHARE_64, 8192, 8192, 0, 0), descriptor)).matchesModel();
    }

    @Test
    @Tag("rule:XEN.FFA.MEM_SHARE")
    @DisplayName("the descriptor's sender must be the calling VM: another VM's ID is INVALID_PARAMETERS")
    void senderIsTheVm(FfaFirmware ffa) {
        Guests.Guest vm = Guests.of(ffa).attached().get(0).ready(2);
        refused(ffa, vm, share -> MemoryTransaction.builder(EndpointId.of(vm.id().value() + 1))
                .attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE)
                .receiver(partition(ffa), AccessPermissions.RW).region(new Constituent(ffa.page(SHARED_PAGE), 1))
                .layout(DescriptorLayout.V1_2));
    }

    @Test
    @Tag("rule:XEN.FFA.MEM_SHARE")
    @DisplayName("one borrower only, and an SP: two borrowers, or a VM as borrower, is NOT_SUPPORTED")
    void oneSpBorrower(FfaFirmware ffa) {
        Guests.Guest vm = Guests.of(ffa).attached().get(0).ready(2);
        EndpointId otherVm = EndpointId.of(vm.id().value() + 1);
        refused(ffa, vm, share -> share.receiver(otherVm, AccessPermissions.RW));
        refused(ffa, vm, share -> MediatorShares.share(vm.id(), otherVm, ffa.page(SHARED_PAGE), 1));
    }

    @Test
    @Tag("rule:XEN.FFA.MEM_SHARE")
    @DisplayName("the SP must get read-write access with instruction access unstated: read-only or RW+NX is NOT_SUPPORTED")
    void readWriteOnly(FfaFirmware ffa) {
        Guests.Guest vm = Guests.of(ffa).attached().get(0).ready(2);
        for (AccessPermissions permissions : List.of(AccessPermissions.RO, AccessPermissions.RW_NX)) {
            refused(ffa, vm, share -> MemoryTransaction.builder(vm.id())
                    .attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE).receiver(partition(ffa), permissions)
                    .region(new Constituent(ffa.page(SHARED_PAGE), 1)).layout(DescriptorLayout.V1_2));
        }
    }

    @Test
    @Tag("rule:XEN.FFA.MEM_SHARE")
    @DisplayName("Normal write-back inner-shareable memory only: Device memory NOT_SUPPORTED, the NS bit INVALID_PARAMETERS")
    void normalMemoryOnly(FfaFirmware ffa) {
        Guests.Guest vm = Guests.of(ffa).attached().get(0).ready(2);
        refused(ffa, vm, share -> share.attributes(MemoryAttributes.DEVICE_NGNRNE));
        refused(ffa, vm, share -> share.attributes(MemoryAttributes.of(
                MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE.raw() | 0x40)));
    }

    @Test
    @Tag("rule:XEN.FFA.MEM_SHARE")
    @DisplayName("the pages: none, an unaligned range, or ranges short of the total are INVALID_PARAMETERS; over 256 NO_MEMORY")
    void pages(FfaFirmware ffa) {
        Guests.Guest vm = Guests.of(ffa).attached().get(0).ready(2);
        long page = ffa.page(SHARED_PAGE);
        refused(ffa, vm, share -> share.region(new CompositeRegion(0, List.of(new Constituent(page, 1)))));
        refused(ffa, vm, share -> share.region(new Constituent(page + 0x800, 1)));
        refused(ffa, vm, share -> share.region(new CompositeRegion(2, List.of(new Constituent(page, 1)))));
        refused(ffa, vm, share -> share.region(new CompositeRegion(257, List.of(new Constituent(page, 1)))));
    }

    /** A share built from the usual one by {@code change}: the model says what the mediator answers. */
    private static void refused(FfaFirmware ffa, Guests.Guest vm, UnaryOperator<MemoryTransaction.Builder> change) {
        MemoryTransaction.Builder usual = MediatorShares.share(vm.id(), partition(ffa), ffa.page(SHARED_PAGE), 1);
        byte[] descriptor = MediatorShares.bytes(change.apply(usual).build());
        assertThatCall(vm.call(MediatorShares.shareCall(descriptor), descriptor)).matchesModel();
    }

    private static void require(AgentMemory.Result result, String what) {
        if (!(result instanceof AgentMemory.Result.Done)) {
            throw new TargetUnresponsiveException("could not " + what + ": " + result);
        }
    }
}
