package org.fwcts.model.ffa.handler.notification;

import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaCall;

/**
 * How the notification functions lay out their parameters (DEN0077A, "Notifications"), and who
 * may name which endpoint in them.
 */
final class NotificationRegisters {

    private NotificationRegisters() {
    }

    /** w1[31:16]: the sender of BIND, UNBIND and SET. */
    static EndpointId sender(FfaCall call) {
        return EndpointId.high16(call.w(1));
    }

    /** w1[15:0]: the receiver of BIND, UNBIND, SET and GET, or the VM of BITMAP_CREATE/DESTROY. */
    static EndpointId receiver(FfaCall call) {
        return EndpointId.low16(call.w(1));
    }

    /** w1[31:16] of GET: the vCPU whose notifications are asked for. */
    static int vcpu(FfaCall call) {
        return (call.w(1) >>> 16) & 0xFFFF;
    }

    /** The notification IDs of w3 (IDs 0–31) and w4 (IDs 32–63). */
    static long ids(FfaCall call) {
        return (call.w(3) & 0xFFFF_FFFFL) | ((long) call.w(4) << 32);
    }

    /**
     * True when {@code caller} may name {@code endpoint} as itself: a partition names only
     * itself; in the normal world the hypervisor (or the OS, ID 0) acts for any VM, and a VM
     * only for itself.
     */
    static boolean actsFor(EndpointId caller, EndpointId endpoint) {
        if (caller.isSecure()) {
            return endpoint.equals(caller);
        }
        return !endpoint.isSecure() && (caller.equals(EndpointId.HYPERVISOR) || endpoint.equals(caller));
    }

    /** Hex of a notification bitmap for summaries. */
    static String hex(long ids) {
        return "0x" + Long.toHexString(ids);
    }

    /**
     * The reserved (MBZ) parts of a function's parameters, as OP-TEE checks them: bits of w1 and
     * w2, and every register from {@code firstReserved} to x7.
     */
    record Reserved(long w1Mask, long w2Mask, int firstReserved) {
        static final Reserved NONE = new Reserved(0, 0, 8);

        boolean violatedBy(FfaCall call) {
            if ((call.x(1) & w1Mask) != 0 || (call.x(2) & w2Mask) != 0) {
                return true;
            }
            for (int i = firstReserved; i <= 7; i++) {
                if (call.x(i) != 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
