package org.fwcts.model.explore.mediator;

import java.util.List;
import org.fwcts.model.explore.Action;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.mediator.VmEndpoint;

/** The guest VMs a mediator generator calls from, and reading an action's choices. */
final class Guests {

    private Guests() {
    }

    /** The VMs the mediator is attached to, in endpoint order: the callers. */
    static List<EndpointId> attached(List<VmEndpoint> vms) {
        return vms.stream().filter(VmEndpoint::mediatorAttached).map(VmEndpoint::id).sorted().toList();
    }

    /** Another attached VM than {@code vm}, or {@code vm} itself when it is the only one. */
    static EndpointId other(List<EndpointId> vms, EndpointId vm) {
        return vms.stream().filter(id -> !id.equals(vm)).findFirst().orElse(vm);
    }

    /** The VM named by parameter {@code name} ({@code 0x0003}). */
    static EndpointId endpoint(Action action, String name) {
        return EndpointId.of((int) hex(action, name));
    }

    static long hex(Action action, String name) {
        String text = action.param(name).trim();
        try {
            return text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(action.area() + "." + action.kind() + ": parameter '" + name + "': '"
                    + text + "' is not a number", e);
        }
    }

    static int index(Action action, String name) {
        long value = hex(action, name);
        if (value < 0 || value > 1024) {
            throw new IllegalArgumentException(action.area() + "." + action.kind() + ": parameter '" + name + "': "
                    + value + " is not an index from 0 to 1024");
        }
        return (int) value;
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    static IllegalArgumentException unknown(Action action, String name, List<String> known) {
        return new IllegalArgumentException(action.area() + "." + action.kind() + ": parameter '" + name + "': '"
                + action.param(name) + "' is not one of " + String.join(", ", known));
    }
}
