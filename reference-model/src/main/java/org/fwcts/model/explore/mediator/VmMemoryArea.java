package org.fwcts.model.explore.mediator;

import java.util.List;
import java.util.Set;
import org.fwcts.model.Registers;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.HandleRef;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.EndpointId;
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
import org.fwcts.model.mediator.VmState;

/**
 * Memory shared from a VM with the SP through the mediator, and given back: the VM's FFA_MEM_SHARE
 * (one page of its own scratch memory, read-write, in its negotiated layout), the SP's retrieve
 * naming the VM as sender (and, a near miss, another VM), its RX release and relinquish, the VM's
 * reclaim. Near misses: a share with the descriptor outside the TX buffer, with lengths that
 * disagree, a fragment longer than the TX buffer, to another VM or of no pages; a reclaim of another VM's handle and of one nobody gave
 * out. A handle is named by its origin: {@code owner} (a VM) and {@code share} (the owner's K-th
 * share still on the mediator's list), so a sequence still means something after a shrink.
 */
public final class VmMemoryArea implements AreaGenerator {
    /** The first scratch page the first VM shares (after its buffers and the pages other areas use). */
    static final int FIRST_SHARED_PAGE = 12;
    static final List<String> REFUSED = List.of("buffer-address", "lengths", "over-tx", "to-vm", "no-pages");

    private final List<EndpointId> vms;

    public VmMemoryArea(List<EndpointId> vms) {
        this.vms = List.copyOf(vms);
    }

    @Override
    public String area() {
        return "vm-memory";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("share", "share-refused", "reclaim", "sp-map", "sp-retrieve", "sp-rx-release", "sp-relinquish");
    }

    @Override
    public void propose(ExploreContext context, Proposals proposals) {
        GuestView view = GuestView.of(context);
        for (EndpointId vm : vms) {
            VmState self = view.vm(vm);
            double ready = self.mailbox().isPresent() ? 1 : 0.15;
            for (int page = 0; page < 2; page++) {
                String index = Integer.toString(page);
                proposals.addLazily(ready, () -> Action.of(area(), "share", vm, "page", index));
            }
            for (String form : REFUSED) {
                proposals.addLazily(0.1, () -> Action.of(area(), "share-refused", vm, "form", form));
            }
            for (EndpointId owner : vms) {
                int shares = view.vm(owner).shares().size();
                for (int k = 0; k < Math.max(1, shares); k++) {
                    String share = Integer.toString(k);
                    double weight = owner.equals(vm) ? (shares > 0 ? 0.6 : 0.1) : (shares > 0 ? 0.3 : 0.05);
                    proposals.addLazily(weight, () -> Action.of(area(), "reclaim", vm, "owner", owner.toString(),
                            "share", share));
                }
            }
            proposals.addLazily(0.05, () -> Action.of(area(), "reclaim", vm, "owner", vm.toString(), "share", "bogus"));
        }
        if (!context.partitionsReachable()) {
            return;
        }
        for (EndpointId sp : context.partitions()) {
            if (!context.hasMailbox(sp)) {
                if (context.knowsBuffers(sp)) {
                    proposals.addLazily(1, () -> Action.of(area(), "sp-map", sp));
                }
                continue;
            }
            proposals.addLazily(context.rxFull(sp) ? 1.5 : 0.1, () -> Action.of(area(), "sp-rx-release", sp));
            for (EndpointId owner : vms) {
                int shares = view.vm(owner).shares().size();
                for (int k = 0; k < shares; k++) {
                    String share = Integer.toString(k);
                    proposals.addLazily(0.8, () -> Action.of(area(), "sp-retrieve", sp, "owner", owner.toString(),
                            "share", share, "sender", "owner"));
                    proposals.addLazily(0.1, () -> Action.of(area(), "sp-retrieve", sp, "owner", owner.toString(),
                            "share", share, "sender", "other"));
                    proposals.addLazily(0.5, () -> Action.of(area(), "sp-relinquish", sp, "owner", owner.toString(),
                            "share", share));
                }
            }
        }
    }

    @Override
    public Step concretise(Action action, ExploreContext context) {
        GuestView view = GuestView.of(context);
        EndpointId caller = action.caller();
        EndpointId sp = context.partitions().isEmpty() ? EndpointId.of(0x8001) : context.partitions().get(0);
        switch (action.kind()) {
            case "share": {
                long page = context.page(sharedPage(caller) + Guests.index(action, "page") % 2);
                byte[] descriptor = encode(share(caller, sp, page, 1, view));
                return GuestCall.withTx(caller, shareCall(descriptor.length, descriptor.length, 0), inTx(caller, view,
                        descriptor));
            }
            case "share-refused":
                return refused(action, caller, sp, view, context);
            case "reclaim": {
                long handle = handle(action, view);
                return GuestCall.of(caller, Registers.of(FfaFunction.FFA_MEM_RECLAIM.x0(), handle & 0xFFFF_FFFFL,
                        handle >>> 32, 0));
            }
            case "sp-map":
                return Step.Call.of(caller, Registers.of(FfaFunction.FFA_RXTX_MAP.x0Smc64(), context.txAddress(caller),
                        context.rxAddress(caller), 1));
            case "sp-rx-release":
                return Step.Call.of(caller, Registers.of(FfaFunction.FFA_RX_RELEASE.x0()));
            case "sp-retrieve": {
                long handle = handle(action, view);
                EndpointId owner = Guests.endpoint(action, "owner");
                EndpointId sender = action.param("sender", "owner").equals("owner") ? owner : Guests.other(vms, owner);
                byte[] request = encode(MemoryTransaction.builder(sender)
                        .attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE).handle(handle)
                        .flags(TransactionFlags.of(TransactionType.SHARE)).receiver(caller, AccessPermissions.RW)
                        .layout(DescriptorLayout.V1_2).build());
                return Step.Call.of(caller, Registers.of(FfaFunction.FFA_MEM_RETRIEVE_REQ.x0Smc64(), request.length,
                        request.length, 0, 0), request);
            }
            case "sp-relinquish": {
                byte[] descriptor = RelinquishDescriptor.of(handle(action, view), caller).encode();
                return Step.Call.of(caller, Registers.of(FfaFunction.FFA_MEM_RELINQUISH.x0()), descriptor);
            }
            default:
                throw new IllegalArgumentException("vm-memory: kind '" + action.kind() + "' unknown");
        }
    }

    private Step refused(Action action, EndpointId vm, EndpointId sp, GuestView view, ExploreContext context) {
        long page = context.page(sharedPage(vm));
        String form = action.param("form");
        MemoryTransaction.Builder share = switch (form) {
            case "to-vm" -> share(vm, Guests.other(vms, vm), page, 1, view);
            case "no-pages" -> share(vm, sp, page, 0, view);
            case "buffer-address", "lengths", "over-tx" -> share(vm, sp, page, 1, view);
            default -> throw Guests.unknown(action, "form", REFUSED);
        };
        byte[] descriptor = encode(share);
        int length = descriptor.length;
        Registers call = switch (form) {
            case "buffer-address" -> Registers.of(FfaFunction.FFA_MEM_SHARE.x0Smc64(), length, length,
                    context.page(sharedPage(vm) + 1), 1);
            case "lengths" -> shareCall(length + 16, length, 0);
            // A fragment longer than the VM's one-page TX buffer.
            case "over-tx" -> shareCall(2 * 4096, 2 * 4096, 0);
            default -> shareCall(length, length, 0);
        };
        return GuestCall.withTx(vm, call, inTx(vm, view, descriptor));
    }

    /** What goes in {@code vm}'s TX buffer: the descriptor, or nothing when the VM has no buffers to write it to. */
    private static byte[] inTx(EndpointId vm, GuestView view, byte[] descriptor) {
        return view.vm(vm).mailbox().isPresent() ? descriptor : new byte[0];
    }

    /**
     * The first of the two scratch pages {@code vm} shares: each VM its own guest addresses. The model
     * passes a guest's address on to the SPMC as the machine address (it cannot know Xen's), so the
     * same address shared by two VMs would overlap in the model where Xen shares two machine pages.
     */
    private int sharedPage(EndpointId vm) {
        return FIRST_SHARED_PAGE + 2 * Math.max(0, vms.indexOf(vm));
    }

    /** The handle an action names: the owner's K-th share on the mediator's list, else one nobody gave out. */
    static long handle(Action action, GuestView view) {
        String share = action.param("share");
        if (share.equals("bogus")) {
            return HandleRef.BOGUS;
        }
        List<Long> shares = view.vm(Guests.endpoint(action, "owner")).shares();
        int index = Guests.index(action, "share");
        return shares.isEmpty() ? HandleRef.BOGUS : shares.get(index % shares.size());
    }

    private static MemoryTransaction.Builder share(EndpointId vm, EndpointId receiver, long page, int pages,
            GuestView view) {
        int agreed = view.vm(vm).agreedVersion();
        DescriptorLayout layout = agreed == 0 ? DescriptorLayout.V1_2
                : DescriptorLayout.forCaller(SpecVersion.decode(agreed));
        return MemoryTransaction.builder(vm).attributes(MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE)
                .receiver(receiver, AccessPermissions.RW).region(new Constituent(page, pages)).layout(layout);
    }

    private static byte[] encode(MemoryTransaction.Builder builder) {
        return encode(builder.build());
    }

    private static byte[] encode(MemoryTransaction transaction) {
        return TransactionDescriptorEncoder.encode(transaction, transaction.layout());
    }

    private static Registers shareCall(long total, long fragment, long address) {
        return Registers.of(FfaFunction.FFA_MEM_SHARE.x0Smc64(), total, fragment, address, 0);
    }
}
