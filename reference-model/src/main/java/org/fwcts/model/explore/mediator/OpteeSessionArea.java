package org.fwcts.model.explore.mediator;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.fwcts.model.Registers;
import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.mediator.optee.OpteeBuild;
import org.fwcts.model.mediator.optee.OpteeMessage;
import org.fwcts.model.mediator.optee.OpteeSmc;

/**
 * Standard calls with arguments: a session to the device enumeration pseudo TA (the catalogue's)
 * opened, invoked (its GET_DEVICES and a command it lacks) and closed; an open to a TA no one serves,
 * which waits in RPCs and so holds an OP-TEE thread (several reach the thread limit); near misses:
 * a command buffer unaligned or outside the guest's RAM, too many parameters, an unknown command,
 * contiguous temporary memory, and another VM's session. A session is named by its origin:
 * {@code owner} (a VM) and {@code session} (the K-th the owner holds), so a shrink keeps meaning.
 */
public final class OpteeSessionArea implements AreaGenerator {
    static final List<String> REFUSED = List.of("unaligned", "outside-ram", "too-many-params", "unknown-command",
            "contiguous-memory");
    /** A UUID no TA of any OP-TEE build has. */
    private static final byte[] NO_SUCH_TA = OpteeBuild.uuid(0xf3c5_7e11L, 0x0b1e, 0x4c0d, new int[] {0x9a, 0x55, 0xf1,
        0xc7, 0x5e, 0x57, 0x00, 0x01});
    /** PTA_CMD_GET_DEVICES of the device enumeration pseudo TA (pta_device.h). */
    private static final int GET_DEVICES = 0;
    private static final int NO_SUCH_COMMAND = 0x7e57;
    /** A session ID no OP-TEE gave out in these runs, for a reference with nothing to name. */
    private static final int NO_SESSION = 0x7e57;

    private final List<EndpointId> vms;
    private final int threads;

    /** {@code threads}: OP-TEE's thread pool (CFG_NUM_THREADS), shared by all guests. */
    public OpteeSessionArea(List<EndpointId> vms, int threads) {
        this.vms = List.copyOf(vms);
        this.threads = threads;
    }

    @Override
    public String area() {
        return "optee-session";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("open-device", "open-missing", "invoke", "close", "refused");
    }

    @Override
    public void propose(ExploreContext context, Proposals proposals) {
        GuestView view = GuestView.of(context);
        for (EndpointId vm : vms) {
            boolean threadsFree = view.optee().busyThreads(vm.value()).size() < threads;
            if (view.page(vm, 0).isEmpty()) {
                continue;
            }
            String page = Integer.toString(view.optee().callsOf(vm) % OpteeCalls.FIRST_RPC_PAGE);
            proposals.addLazily(1, () -> Action.of(area(), "open-device", vm, "page", page, "vcpu", "0"));
            proposals.addLazily(0.2, () -> Action.of(area(), "open-device", vm, "page", page, "vcpu", "1"));
            proposals.addLazily(threadsFree ? 0.5 : 0.3, () -> Action.of(area(), "open-missing", vm, "page", page));
            for (EndpointId owner : vms) {
                int held = sessions(view, owner).size();
                for (int k = 0; k < Math.max(1, held); k++) {
                    String session = Integer.toString(k);
                    double weight = owner.equals(vm) ? (held > 0 ? 0.8 : 0.1) : (held > 0 ? 0.2 : 0.05);
                    proposals.addLazily(weight, () -> Action.of(area(), "invoke", vm, "owner", owner.toString(),
                            "session", session, "command", "get-devices", "page", page));
                    proposals.addLazily(weight / 4, () -> Action.of(area(), "invoke", vm, "owner", owner.toString(),
                            "session", session, "command", "unknown", "page", page));
                    proposals.addLazily(weight / 2, () -> Action.of(area(), "close", vm, "owner", owner.toString(),
                            "session", session, "page", page));
                }
            }
            for (String form : REFUSED) {
                proposals.addLazily(0.1, () -> Action.of(area(), "refused", vm, "form", form, "page", page));
            }
        }
    }

    private static List<Integer> sessions(GuestView view, EndpointId owner) {
        return List.copyOf(new TreeSet<>(view.optee().sessions().getOrDefault(owner.value(), Set.of())));
    }

    @Override
    public Step concretise(Action action, ExploreContext context) {
        GuestView view = GuestView.of(context);
        EndpointId vm = action.caller();
        long address = freePage(vm, Guests.index(action, "page") % OpteeCalls.FIRST_RPC_PAGE, view);
        int vcpu = action.params().containsKey("vcpu") ? Guests.index(action, "vcpu") % 2 : 0;
        switch (action.kind()) {
            case "open-device":
                return OpteeCalls.start(vm, vcpu, address, OpteeMessage.of(OpteeMessage.CMD_OPEN_SESSION, 0, 0,
                        OpteeMessage.openSessionParams(OpteeBuild.DEVICE_PTA, List.of())));
            case "open-missing":
                return OpteeCalls.start(vm, vcpu, address, OpteeMessage.of(OpteeMessage.CMD_OPEN_SESSION, 0, 0,
                        OpteeMessage.openSessionParams(NO_SUCH_TA, List.of(new OpteeMessage.Param(
                                OpteeMessage.ATTR_VALUE_INOUT, 0x1111, 0x2222, 0x3333)))));
            case "invoke": {
                int command = switch (action.param("command")) {
                    case "get-devices" -> GET_DEVICES;
                    case "unknown" -> NO_SUCH_COMMAND;
                    default -> throw Guests.unknown(action, "command", List.of("get-devices", "unknown"));
                };
                OpteeMessage.Param[] params = command == GET_DEVICES
                        ? new OpteeMessage.Param[] {new OpteeMessage.Param(OpteeMessage.ATTR_VALUE_INPUT, 1, 2, 3)}
                        : new OpteeMessage.Param[0];
                return OpteeCalls.start(vm, vcpu, address, OpteeMessage.of(OpteeMessage.CMD_INVOKE_COMMAND, command,
                        session(action, view), List.of(params)));
            }
            case "close":
                return OpteeCalls.start(vm, vcpu, address, OpteeMessage.of(OpteeMessage.CMD_CLOSE_SESSION, 0,
                        session(action, view), List.of()));
            case "refused":
                return refused(action, vm, address, view);
            default:
                throw new IllegalArgumentException("optee-session: kind '" + action.kind() + "' unknown");
        }
    }

    private static Step refused(Action action, EndpointId vm, long address, GuestView view) {
        OpteeMessage device = OpteeMessage.of(OpteeMessage.CMD_OPEN_SESSION, 0, 0,
                OpteeMessage.openSessionParams(OpteeBuild.DEVICE_PTA, List.of()));
        return switch (action.param("form")) {
            case "unaligned" -> OpteeCalls.start(vm, 0, address + 8, device);
            case "outside-ram" -> GuestCall.of(vm, Registers.of(OpteeSmc.CALL_WITH_ARG, 0, 0x1000));
            case "too-many-params" -> OpteeCalls.start(vm, 0, address, device.withDeclaredParams(200));
            case "unknown-command" -> OpteeCalls.start(vm, 0, address, OpteeMessage.of(0x99, 0, 0, List.of()));
            case "contiguous-memory" -> OpteeCalls.start(vm, 0, address, OpteeMessage.of(OpteeMessage.CMD_INVOKE_COMMAND,
                    0, 0, List.of(new OpteeMessage.Param(OpteeMessage.ATTR_TMEM_INPUT,
                            view.page(vm, 1).orElse(address), 64, 0))));
            default -> throw Guests.unknown(action, "form", REFUSED);
        };
    }

    /**
     * The command buffer page: {@code preferred}, unless a call of the VM still waits with its buffer
     * there (a new message would rewrite that call's buffer, which is another test), then the first free one.
     */
    private static long freePage(EndpointId vm, int preferred, GuestView view) {
        Set<Long> busy = new java.util.HashSet<>();
        view.optee().calls().stream().filter(call -> call.vm().equals(vm))
                .forEach(call -> busy.add(call.guestArg() & ~0xFFFL));
        for (int i = 0; i < OpteeCalls.FIRST_RPC_PAGE; i++) {
            int page = (preferred + i) % OpteeCalls.FIRST_RPC_PAGE;
            long address = view.page(vm, page).orElseThrow(() -> new IllegalStateException(vm
                    + "'s agent declares no scratch area for OP-TEE messages"));
            if (!busy.contains(address)) {
                return address;
            }
        }
        return view.page(vm, preferred).orElseThrow();
    }

    /** The session an action names: the owner's K-th open session, else one nobody opened. */
    private static int session(Action action, GuestView view) {
        List<Integer> held = sessions(view, Guests.endpoint(action, "owner"));
        return held.isEmpty() ? NO_SESSION : held.get(Guests.index(action, "session") % held.size());
    }
}
