package org.fwcts.model.mediator;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.fwcts.model.Registers;
import org.fwcts.model.Rule;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;

/**
 * FFA_MEM_SHARE and FFA_MEM_RECLAIM from a VM as Xen 4.22's mediator handles them
 * (xen/arch/arm/tee/ffa_shm.c at RELEASE-4.22.0): the checks in the order Xen makes them, each
 * with Xen's error, then the share the mediator makes with the SPMC as the normal world.
 *
 * <p>Xen also refuses pages that are not the VM's read-write RAM (DENIED, get_shm_pages); the model
 * takes every page-aligned address as the VM's RAM, as it does for RX/TX buffers.
 */
final class MediatorMemory {
    /** FFA_NORMAL_MEM_REG_ATTR: Normal memory, write-back, inner shareable (ffa_private.h). */
    static final int NORMAL_MEMORY = 0x2F;
    private static final int NS_BIT = 0x40;
    /** FFA_MEM_ACC_RW: data read-write, instruction access not specified. */
    static final int READ_WRITE = 0x2;
    /** FFA_MAX_SHM_PAGE_COUNT: 2 * 512 KiB of 4K pages. */
    static final int MAX_PAGES = 256;
    /** FFA_MAX_SHM_COUNT. */
    static final int MAX_SHARES = 32;
    private static final int PAGE = VmMailbox.PAGE;
    private static final int HEADER_1_1 = 48;
    private static final int HEADER_1_0 = 32;
    private static final int ACCESS_1_0 = 16;
    private static final int ACCESS_1_2 = 32;
    private static final int COMPOSITE = 16;
    private static final int RANGE = 16;
    private static final int V1_1 = 0x1_0001;
    private static final int V1_2 = 0x1_0002;
    private static final long SUCCESS_32 = FfaFunction.FFA_SUCCESS.x0();

    private final MediatorSetup setup;
    private final SecureSide secure;

    MediatorMemory(MediatorSetup setup, SecureSide secure) {
        this.setup = setup;
        this.secure = secure;
    }

    /** ffa_handle_mem_share: the VM's descriptor is the first w1 bytes of its TX buffer. */
    MediatorOutcome share(Registers r, byte[] tx, MediatorState state, VmEndpoint vm, VmState self) {
        if (!secure.supports(FfaFunction.FFA_MEM_SHARE.x0Smc64())) {
            return refuse(r, FfaError.NOT_SUPPORTED, MediatorRules.MEM_SHARE, state, "the SPMC does not offer FFA_MEM_SHARE_64");
        }
        long total = r.x(1) & 0xFFFF_FFFFL;
        long fragment = r.x(2) & 0xFFFF_FFFFL;
        if (r.x(3) != 0) {
            return refuse(r, FfaError.NOT_SUPPORTED, MediatorRules.MEM_SHARE, state,
                    "a descriptor outside the TX buffer (w3 = 0x" + Long.toHexString(r.x(3)) + ")");
        }
        if (fragment > total) {
            return refuse(r, FfaError.INVALID_PARAMETERS, MediatorRules.MEM_SHARE, state,
                    "fragment length " + fragment + " over total length " + total);
        }
        if (fragment != total) {
            return refuse(r, FfaError.NOT_SUPPORTED, MediatorRules.MEM_SHARE, state, "a descriptor in more than one fragment");
        }
        if (self.mailbox().isEmpty()) {
            return refuse(r, FfaError.DENIED, MediatorRules.MEM_SHARE, state, vm.id() + " has no TX buffer mapped");
        }
        if (fragment > PAGE) {
            // FF-A: a fragment longer than the TX buffer is INVALID_PARAMETERS. Xen 4.22 leaves its
            // status at 0 before "goto out_unlock" here and answers FFA_SUCCESS with handle 0.
            return refuse(r, FfaError.INVALID_PARAMETERS, MediatorRules.MEM_SHARE, state,
                    "a " + fragment + "-byte fragment exceeds the one-page TX buffer");
        }
        ByteBuffer d = ByteBuffer.wrap(java.util.Arrays.copyOf(tx, (int) fragment)).order(ByteOrder.LITTLE_ENDIAN);
        boolean v11 = Integer.compareUnsigned(self.agreedVersion(), V1_1) >= 0;
        if (fragment < (v11 ? HEADER_1_1 : HEADER_1_0)) {
            return refuse(r, FfaError.INVALID_PARAMETERS, MediatorRules.MEM_SHARE_DESCRIPTOR, state,
                    fragment + " bytes hold no transaction descriptor header");
        }
        int sender = Short.toUnsignedInt(d.getShort(0));
        long attributes = v11 ? Short.toUnsignedInt(d.getShort(2)) : Byte.toUnsignedInt(d.get(2));
        long flags = Integer.toUnsignedLong(d.getInt(4));
        long size = v11 ? Integer.toUnsignedLong(d.getInt(24)) : ACCESS_1_0;
        long count = Integer.toUnsignedLong(d.getInt(28));
        long offset = v11 ? Integer.toUnsignedLong(d.getInt(32)) : HEADER_1_0;
        if (attributes > 0xFF || flags > 0xFF || size > 0xFF || count > 0xFF || offset > 0xFFFF) {
            return refuse(r, FfaError.INVALID_PARAMETERS, MediatorRules.MEM_SHARE_DESCRIPTOR, state,
                    "a header field wider than Xen keeps (attributes, flags, access size or count over 255)");
        }
        if (size * count + offset > fragment || size < ACCESS_1_0 || (offset & 0xF) != 0) {
            return refuse(r, FfaError.INVALID_PARAMETERS, MediatorRules.MEM_SHARE_DESCRIPTOR, state,
                    "access descriptors of " + size + " bytes x " + count + " at offset " + offset + " do not fit");
        }
        if ((attributes & NS_BIT) != 0) {
            return refuse(r, FfaError.INVALID_PARAMETERS, MediatorRules.MEM_SHARE, state, "the NS bit is set");
        }
        if (attributes != NORMAL_MEMORY) {
            return refuse(r, FfaError.NOT_SUPPORTED, MediatorRules.MEM_SHARE, state,
                    "attributes 0x" + Long.toHexString(attributes) + " are not Normal WB inner shareable");
        }
        if (count != 1) {
            return refuse(r, FfaError.NOT_SUPPORTED, MediatorRules.MEM_SHARE, state, count + " borrowers (one only)");
        }
        if (sender != vm.id().value()) {
            return refuse(r, FfaError.INVALID_PARAMETERS, MediatorRules.MEM_SHARE, state,
                    "the descriptor's sender 0x" + Integer.toHexString(sender) + " is not " + vm.id());
        }
        int at = (int) offset;
        int borrower = Short.toUnsignedInt(d.getShort(at));
        int permissions = Byte.toUnsignedInt(d.get(at + 2));
        long regionOffset = Integer.toUnsignedLong(d.getInt(at + 4));
        byte[] impdef = new byte[16];
        if (size >= ACCESS_1_2) {
            d.get(at + 8, impdef);
        }
        if (!EndpointId.of(borrower).isSecure()) {
            return refuse(r, FfaError.NOT_SUPPORTED, MediatorRules.MEM_SHARE, state,
                    "borrower 0x" + Integer.toHexString(borrower) + " is not an SP");
        }
        if (permissions != READ_WRITE) {
            return refuse(r, FfaError.NOT_SUPPORTED, MediatorRules.MEM_SHARE, state,
                    "permissions 0x" + Integer.toHexString(permissions) + " are not read-write");
        }
        if (COMPOSITE + regionOffset > fragment) {
            return refuse(r, FfaError.NOT_SUPPORTED, MediatorRules.MEM_SHARE, state,
                    "the composite region at offset " + regionOffset + " is past the fragment");
        }
        int region = (int) regionOffset;
        long pages = Integer.toUnsignedLong(d.getInt(region));
        long ranges = Integer.toUnsignedLong(d.getInt(region + 4));
        if (pages == 0) {
            return refuse(r, FfaError.INVALID_PARAMETERS, MediatorRules.MEM_SHARE, state, "a region of no pages");
        }
        if (pages > MAX_PAGES || self.shares().size() >= MAX_SHARES) {
            return refuse(r, FfaError.NO_MEMORY, MediatorRules.MEM_SHARE, state, pages > MAX_PAGES
                    ? pages + " pages (at most " + MAX_PAGES + ")" : vm.id() + " already has " + MAX_SHARES + " shares");
        }
        if (COMPOSITE + regionOffset + ranges * RANGE > fragment) {
            return refuse(r, FfaError.INVALID_PARAMETERS, MediatorRules.MEM_SHARE, state,
                    ranges + " address ranges do not fit the fragment");
        }
        List<Long> guestPages = new ArrayList<>();
        for (int n = 0; n < ranges; n++) {
            int entry = region + COMPOSITE + n * RANGE;
            long address = d.getLong(entry);
            long count32 = Integer.toUnsignedLong(d.getInt(entry + 8));
            if (address % PAGE != 0) {
                return refuse(r, FfaError.INVALID_PARAMETERS, MediatorRules.MEM_SHARE, state,
                        "range " + n + " at 0x" + Long.toHexString(address) + " is not page-aligned");
            }
            for (long m = 0; m < count32; m++) {
                if (guestPages.size() >= pages) {
                    return refuse(r, FfaError.INVALID_PARAMETERS, MediatorRules.MEM_SHARE, state,
                            "the ranges hold more than the " + pages + " pages declared");
                }
                if (Long.compareUnsigned(address, -1L - m * PAGE) > 0) {
                    return refuse(r, FfaError.INVALID_PARAMETERS, MediatorRules.MEM_SHARE, state,
                            "range " + n + " wraps the address space");
                }
                guestPages.add(address + m * PAGE);
            }
        }
        if (guestPages.size() < pages) {
            return refuse(r, FfaError.INVALID_PARAMETERS, MediatorRules.MEM_SHARE, state,
                    "the ranges hold " + guestPages.size() + " of the " + pages + " pages declared");
        }
        byte[] forwarded = forwardedDescriptor(vm.id(), EndpointId.of(borrower), impdef, guestPages);
        if (forwarded.length > PAGE) {
            return refuse(r, FfaError.NOT_SUPPORTED, MediatorRules.MEM_SHARE_FORWARD, state,
                    "the share Xen would write takes " + forwarded.length + " bytes, more than its one-page TX buffer");
        }
        FfaCall toSpmc = new FfaCall(EndpointId.HYPERVISOR, Registers.of(FfaFunction.FFA_MEM_SHARE.x0Smc64(),
                forwarded.length, forwarded.length, 0, 0), forwarded);
        EndpointId id = vm.id();
        return new MediatorOutcome.Forward(toSpmc, state, (answer, next) -> {
            if ((answer.x(0) & 0xFFFF_FFFFL) != SUCCESS_32) {
                return next;
            }
            long handle = (answer.x(2) & 0xFFFF_FFFFL) | (answer.x(3) << 32);
            return next.with(id, next.vm(id).withShare(handle));
        });
    }

    /**
     * share_shm: the descriptor Xen writes to its own TX buffer, in the layout of the version it
     * agreed with the SPMC (its own; a 32-byte access descriptor from v1.2), one range per run of
     * contiguous machine pages. The machine address of a guest page is not known to the model: the
     * guest address stands for it (see {@link MachinePagesResponse}).
     */
    private byte[] forwardedDescriptor(EndpointId sender, EndpointId borrower, byte[] impdef, List<Long> pages) {
        boolean v12 = Integer.compareUnsigned(setup.choices().ownVersion().encode(), V1_2) >= 0;
        int accessSize = v12 ? ACCESS_1_2 : ACCESS_1_0;
        List<long[]> runs = new ArrayList<>();
        for (long page : pages) {
            long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[0] + last[1] * PAGE == page) {
                last[1]++;
            } else {
                runs.add(new long[] {page, 1});
            }
        }
        int regionOffset = HEADER_1_1 + accessSize;
        ByteBuffer out = ByteBuffer.allocate(regionOffset + COMPOSITE + runs.size() * RANGE).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort(0, (short) sender.value());
        out.putShort(2, (short) NORMAL_MEMORY);
        out.putInt(24, accessSize);
        out.putInt(28, 1);
        out.putInt(32, HEADER_1_1);
        out.putShort(HEADER_1_1, (short) borrower.value());
        out.put(HEADER_1_1 + 2, (byte) READ_WRITE);
        out.putInt(HEADER_1_1 + 4, regionOffset);
        if (v12) {
            out.put(HEADER_1_1 + 8, impdef);
        }
        out.putInt(regionOffset, pages.size());
        out.putInt(regionOffset + 4, runs.size());
        for (int i = 0; i < runs.size(); i++) {
            int entry = regionOffset + COMPOSITE + i * RANGE;
            out.putLong(entry, runs.get(i)[0]);
            out.putInt(entry + 8, (int) runs.get(i)[1]);
        }
        return out.array();
    }

    /** ffa_handle_mem_reclaim: only a handle the VM shared through the mediator goes to the SPMC. */
    MediatorOutcome reclaim(Registers r, MediatorState state, EndpointId id, VmState self) {
        if (!secure.supports(FfaFunction.FFA_MEM_RECLAIM.x0())) {
            return refuse(r, FfaError.NOT_SUPPORTED, MediatorRules.MEM_RECLAIM, state, "the SPMC does not offer FFA_MEM_RECLAIM");
        }
        long handle = (r.x(1) & 0xFFFF_FFFFL) | (r.x(2) << 32);
        if (!self.shares().contains(handle)) {
            return refuse(r, FfaError.INVALID_PARAMETERS, MediatorRules.MEM_RECLAIM, state,
                    "handle 0x" + Long.toHexString(handle) + " is not one of " + id + "'s shares");
        }
        FfaCall toSpmc = FfaCall.of(EndpointId.HYPERVISOR, Registers.of(FfaFunction.FFA_MEM_RECLAIM.x0(),
                handle & 0xFFFF_FFFFL, handle >>> 32, r.x(3) & 0xFFFF_FFFFL, 0));
        // Xen takes the share off the VM's list while the SPMC decides, and puts it back at the end on an error.
        return new MediatorOutcome.Forward(toSpmc, state, (answer, next) -> {
            VmState without = next.vm(id).withoutShare(handle);
            boolean reclaimed = (answer.x(0) & 0xFFFF_FFFFL) == SUCCESS_32;
            return next.with(id, reclaimed ? without : without.withShare(handle));
        });
    }

    private static MediatorOutcome refuse(Registers r, FfaError error, Rule rule, MediatorState state, String why) {
        return XenFfaMediator.error(r, error, rule, state, why);
    }
}
