package org.fwcts.model.explore.ffa;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fwcts.model.Registers;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.HandleRef;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.Borrower;
import org.fwcts.model.ffa.memory.Constituent;
import org.fwcts.model.ffa.memory.DataAccess;
import org.fwcts.model.ffa.memory.DescriptorLayout;
import org.fwcts.model.ffa.memory.InstructionAccess;
import org.fwcts.model.ffa.memory.MemoryAttributes;
import org.fwcts.model.ffa.memory.MemoryTransaction;
import org.fwcts.model.ffa.memory.RelinquishDescriptor;
import org.fwcts.model.ffa.memory.TransactionDescriptorEncoder;
import org.fwcts.model.ffa.memory.TransactionFlags;
import org.fwcts.model.ffa.memory.TransactionRecord;
import org.fwcts.model.ffa.memory.TransactionType;

/**
 * Memory management: the normal world shares, lends and donates scratch pages to a partition
 * (whole or in two fragments, SMC64 or SMC32), the partition retrieves, relinquishes and the
 * normal world reclaims; near misses use a handle that is stale or bogus, the wrong endpoint
 * (a partition reclaiming, the normal world retrieving), permissions the type forbids, a
 * receiver nobody is, a retrieve naming the wrong type, FFA_MEM_FRAG_RX nobody asked for.
 */
public final class MemoryArea implements AreaGenerator {
    /** The first fragment of a split send: the header and the receiver's access descriptor. */
    static final int FIRST_FRAGMENT = 96;
    private static final String[] SHARE_ACCESS = {"RW", "RO"};
    private static final String[] LEND_ACCESS = {"RW", "RO", "RW_NX", "RO_NX"};
    private static final String[] DONATE_ACCESS = {"RW", "RW_NX"};
    private final java.util.Map<EndpointId, List<Weighted>> sends = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String area() {
        return "memory";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("send", "frag-tx", "retrieve", "relinquish", "reclaim", "frag-rx");
    }

    @Override
    public void propose(ExploreContext context, Proposals proposals) {
        EndpointId normalWorld = context.normalWorld();
        List<EndpointId> partitions = context.callers().subList(1, context.callers().size());
        int open = context.openHandles().size();
        boolean txReady = context.hasMailbox(normalWorld);
        double sendWeight = !txReady ? 0.05 : open < 2 ? 1.2 : 0.15;
        for (Weighted send : sends.computeIfAbsent(normalWorld, this::sends)) {
            proposals.add(sendWeight * send.weight(), send.action());
        }
        for (EndpointId partition : partitions) {
            proposals.addLazily(0.05,
                    () -> Action.of(area(), "send", partition, "type", "SHARE", "access", "RW", "page", "3",
                    "pages", "1", "receiver", "partition", "fragments", "whole", "conduit", "64", "flags", "0"));
        }
        boolean sending = !context.sendingHandles().isEmpty();
        proposals.addLazily(sending ? 5 : 0.05,
                () -> Action.of(area(), "frag-tx", normalWorld, "handle", HandleRef.sending(0)));
        proposals.addLazily(sending ? 0.3 : 0,
                () -> Action.of(area(), "frag-tx", normalWorld, "handle", HandleRef.BOGUS_REF));
        proposeHandleCalls(context, proposals, normalWorld, partitions, open);
    }

    private void proposeHandleCalls(ExploreContext context, Proposals proposals, EndpointId normalWorld,
            List<EndpointId> partitions, int open) {
        List<String> refs = List.of(HandleRef.open(0), HandleRef.open(1));
        for (EndpointId partition : partitions) {
            boolean ready = context.hasMailbox(partition) && !context.rxFull(partition);
            for (String ref : refs) {
                Optional<Borrower> borrower = borrower(context, ref, partition);
                boolean offered = open > 0 && borrower.isPresent();
                boolean holds = borrower.map(Borrower::holds).orElse(false);
                for (String access : LEND_ACCESS) {
                    proposals.addLazily(offered && ready ? (holds ? 0.2 : 1.5) : 0.03,
                            () -> retrieve(partition, ref, "match", access));
                }
                proposals.addLazily(offered ? 0.1 : 0, () -> retrieve(partition, ref, "other", "RW"));
                // A receiver that has not retrieved relinquishing: the near miss an SPMC that counts
                // retrievals per transaction (TF-A's in_use) must still refuse.
                double relinquish = !context.hasMailbox(partition) ? 0.05 : holds ? 3 : offered ? 0.8 : 0.05;
                proposals.addLazily(relinquish, () -> Action.of(area(), "relinquish", partition, "handle", ref));
                proposals.addLazily(open > 0 ? 0.1 : 0,
                        () -> Action.of(area(), "reclaim", partition, "handle", ref, "flags", "0"));
            }
            proposals.addLazily(0.15, () -> retrieve(partition, HandleRef.stale(0), "match", "RW"));
            proposals.addLazily(0.05, () -> retrieve(partition, HandleRef.BOGUS_REF, "match", "RW"));
            proposals.addLazily(0.1, () -> Action.of(area(), "relinquish", partition, "handle", HandleRef.stale(0)));
            proposals.addLazily(0.05, () -> Action.of(area(), "frag-rx", partition, "handle", HandleRef.BOGUS_REF));
        }
        for (String ref : refs) {
            boolean held = context.openHandles().size() > (ref.endsWith("1") ? 1 : 0)
                    && transaction(context, ref).map(TransactionRecord::inUse).orElse(false);
            proposals.addLazily(open > 0 ? (held ? 0.8 : 2.5) : 0.05,
                    () -> Action.of(area(), "reclaim", normalWorld, "handle", ref,
                    "flags", "0"));
            proposals.addLazily(open > 0 ? 0.1 : 0, () -> retrieve(normalWorld, ref, "match", "RW"));
            proposals.addLazily(open > 0 ? 0.1 : 0, () -> Action.of(area(), "relinquish", normalWorld, "handle", ref));
        }
        proposals.addLazily(0.2,
                () -> Action.of(area(), "reclaim", normalWorld, "handle", HandleRef.stale(0), "flags", "0"));
        proposals.addLazily(0.05,
                () -> Action.of(area(), "reclaim", normalWorld, "handle", HandleRef.BOGUS_REF, "flags", "0"));
        proposals.addLazily(open > 0 ? 0.05 : 0,
                () -> Action.of(area(), "reclaim", normalWorld, "handle", HandleRef.open(0),
                "flags", "0x80"));
    }

    /** An action with its weight relative to the others of its kind. */
    private record Weighted(double weight, Action action) {
    }

    /** The sends a caller can make: the same whatever the state, so made once (only their weight changes). */
    private List<Weighted> sends(EndpointId normalWorld) {
        List<Weighted> all = new java.util.ArrayList<>();
        for (TransactionType type : List.of(TransactionType.SHARE, TransactionType.LEND, TransactionType.DONATE)) {
            String[] accesses = type == TransactionType.SHARE ? SHARE_ACCESS
                    : type == TransactionType.LEND ? LEND_ACCESS : DONATE_ACCESS;
            double typeWeight = type == TransactionType.DONATE ? 0.3 : 1;
            for (String access : accesses) {
                for (int page = 0; page < 3; page++) {
                    all.add(new Weighted(typeWeight / 3, send(normalWorld, type, access, page, 1, "partition", "whole",
                            "64", "0")));
                }
                all.add(new Weighted(typeWeight * 0.15, send(normalWorld, type, access, 0, 2, "partition", "split", "64",
                        "0")));
                all.add(new Weighted(typeWeight * 0.1, send(normalWorld, type, access, 1, 1, "partition", "whole", "32",
                        "0")));
            }
            // Near misses: execute on a share, a receiver nobody is, the sender itself, reserved flags.
            all.add(new Weighted(0.05, send(normalWorld, type, "RWX", 2, 1, "partition", "whole", "64", "0")));
            all.add(new Weighted(0.05, send(normalWorld, type, "RW", 2, 1, "nobody", "whole", "64", "0")));
            all.add(new Weighted(0.05, send(normalWorld, type, "RW", 2, 1, "self", "whole", "64", "0")));
            all.add(new Weighted(0.05, send(normalWorld, type, "RW", 2, 1, "partition", "whole", "64", "0x800")));
        }
        return List.copyOf(all);
    }

    private Action send(EndpointId caller, TransactionType type, String access, int page, int pages, String receiver,
            String fragments, String conduit, String flags) {
        return Action.of(area(), "send", caller, "type", type.name(), "access", access, "page", Integer.toString(page),
                "pages", Integer.toString(pages), "receiver", receiver, "fragments", fragments, "conduit", conduit,
                "flags", flags);
    }

    private Action retrieve(EndpointId caller, String ref, String type, String access) {
        return Action.of(area(), "retrieve", caller, "handle", ref, "type", type, "access", access);
    }

    private static Optional<TransactionRecord> transaction(ExploreContext context, String ref) {
        return context.state().memory().transaction(HandleRef.resolve(ref, context));
    }

    private static Optional<Borrower> borrower(ExploreContext context, String ref, EndpointId partition) {
        return transaction(context, ref).flatMap(record -> record.borrower(partition));
    }

    @Override
    public Step concretise(Action action, ExploreContext context) {
        EndpointId caller = action.caller();
        switch (action.kind()) {
            case "send":
                return send(action, context);
            case "frag-tx": {
                long handle = HandleRef.resolve(action.param("handle"), context);
                byte[] rest = context.remainder(handle).orElse(new byte[16]);
                return Step.Call.of(caller, Registers.of(Choices.smc32(FfaFunction.FFA_MEM_FRAG_TX), handle & 0xFFFF_FFFFL,
                        handle >>> 32, rest.length, 0), rest);
            }
            case "retrieve": {
                long handle = HandleRef.resolve(action.param("handle"), context);
                TransactionType recorded = context.state().memory().transaction(handle).map(TransactionRecord::type)
                        .orElse(TransactionType.LEND);
                TransactionType type = "match".equals(action.param("type")) ? recorded
                        : recorded == TransactionType.SHARE ? TransactionType.LEND : TransactionType.SHARE;
                MemoryAttributes attributes = type == TransactionType.SHARE
                        ? MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE : MemoryAttributes.NOT_SPECIFIED;
                byte[] request = TransactionDescriptorEncoder.encode(MemoryTransaction.builder(context.normalWorld())
                        .attributes(attributes).handle(handle).flags(TransactionFlags.of(type))
                        .receiver(caller, permissions(action)).layout(DescriptorLayout.V1_2).build(), DescriptorLayout.V1_2);
                return Step.Call.of(caller, Registers.of(Choices.smc64(FfaFunction.FFA_MEM_RETRIEVE_REQ), request.length,
                        request.length, 0, 0), request);
            }
            case "relinquish": {
                long handle = HandleRef.resolve(action.param("handle"), context);
                return Step.Call.of(caller, Registers.of(Choices.smc32(FfaFunction.FFA_MEM_RELINQUISH)),
                        RelinquishDescriptor.of(handle, caller).encode());
            }
            case "reclaim": {
                long handle = HandleRef.resolve(action.param("handle"), context);
                return Step.Call.of(caller, Registers.of(Choices.smc32(FfaFunction.FFA_MEM_RECLAIM), handle & 0xFFFF_FFFFL,
                        handle >>> 32, action.hexParam("flags")));
            }
            default: {
                long handle = HandleRef.resolve(action.param("handle"), context);
                return Step.Call.of(caller, Registers.of(Choices.smc32(FfaFunction.FFA_MEM_FRAG_RX), handle & 0xFFFF_FFFFL,
                        handle >>> 32, 0, 0));
            }
        }
    }

    private Step send(Action action, ExploreContext context) {
        TransactionType type = Choices.enumValue(action, "type", TransactionType.class);
        if (type == TransactionType.UNSPECIFIED) {
            throw new IllegalArgumentException("memory.send: parameter 'type': SHARE, LEND or DONATE");
        }
        int page = Choices.integer(action, "page", "0");
        int pages = Choices.integer(action, "pages", "1");
        if (page < 0 || page >= ExploreContext.REGION_PAGES || pages < 1 || page + pages > ExploreContext.REGION_PAGES) {
            throw new IllegalArgumentException("memory.send: parameters 'page' and 'pages': pages " + page + " to "
                    + (page + pages - 1) + " are outside the " + ExploreContext.REGION_PAGES + " region pages");
        }
        EndpointId receiver = switch (action.param("receiver")) {
            case "partition" -> context.peer(context.normalWorld());
            case "nobody" -> EndpointId.of(0x8009);
            case "self" -> action.caller();
            default -> throw new IllegalArgumentException("memory.send: parameter 'receiver': '"
                    + action.param("receiver") + "' is not one of partition, nobody, self");
        };
        MemoryAttributes attributes = type == TransactionType.SHARE ? MemoryAttributes.NORMAL_WRITE_BACK_INNER_SHAREABLE
                : MemoryAttributes.NOT_SPECIFIED;
        MemoryTransaction transaction = MemoryTransaction.builder(action.caller()).attributes(attributes)
                .flags(TransactionFlags.of((int) action.hexParam("flags")))
                .receiver(receiver, permissions(action))
                .region(new Constituent(context.page(ExploreContext.FIRST_REGION_PAGE + page), pages))
                .layout(DescriptorLayout.V1_2).build();
        byte[] descriptor = TransactionDescriptorEncoder.encode(transaction, DescriptorLayout.V1_2);
        FfaFunction function = switch (type) {
            case SHARE -> FfaFunction.FFA_MEM_SHARE;
            case LEND -> FfaFunction.FFA_MEM_LEND;
            default -> FfaFunction.FFA_MEM_DONATE;
        };
        long register = Choices.form(function, action);
        if ("split".equals(action.param("fragments", "whole")) && descriptor.length > FIRST_FRAGMENT) {
            byte[] head = Arrays.copyOf(descriptor, FIRST_FRAGMENT);
            byte[] tail = Arrays.copyOfRange(descriptor, FIRST_FRAGMENT, descriptor.length);
            return new Step.Call(action.caller(), Registers.of(register, descriptor.length, FIRST_FRAGMENT, 0, 0), head,
                    Optional.of(tail));
        }
        return Step.Call.of(action.caller(), Registers.of(register, descriptor.length, descriptor.length, 0, 0),
                descriptor);
    }

    /** RW, RO, RW_NX, RO_NX, RWX: data access, then NX, X or (no suffix) instruction access NOT_SPECIFIED. */
    private static AccessPermissions permissions(Action action) {
        String text = action.param("access");
        return switch (text) {
            case "RW" -> AccessPermissions.RW;
            case "RO" -> AccessPermissions.RO;
            case "RW_NX" -> AccessPermissions.RW_NX;
            case "RO_NX" -> AccessPermissions.RO_NX;
            case "RWX" -> AccessPermissions.of(DataAccess.RW, InstructionAccess.X);
            default -> throw new IllegalArgumentException(action.area() + "." + action.kind() + ": parameter 'access': '"
                    + text + "' is not one of RW, RO, RW_NX, RO_NX, RWX");
        };
    }
}
