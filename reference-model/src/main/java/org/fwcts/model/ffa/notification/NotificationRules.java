package org.fwcts.model.ffa.notification;

import static org.fwcts.model.ffa.FfaRules.DOC;

import org.fwcts.model.Rule;

/** Rules of FF-A notifications (v1.1) that predictions cite. */
public final class NotificationRules {
    private static final String CREATE = "FFA_NOTIFICATION_BITMAP_CREATE";
    private static final String DESTROY = "FFA_NOTIFICATION_BITMAP_DESTROY";
    private static final String BIND_SECTION = "FFA_NOTIFICATION_BIND";
    private static final String UNBIND_SECTION = "FFA_NOTIFICATION_UNBIND";
    private static final String SET_SECTION = "FFA_NOTIFICATION_SET";
    private static final String GET_SECTION = "FFA_NOTIFICATION_GET";
    private static final String INFO_SECTION = "FFA_NOTIFICATION_INFO_GET";

    public static final Rule NOT_HANDLED = new Rule("FFA.NOTIFICATION.NOT_HANDLED", DOC, "Notifications",
            "A notification function the implementation does not handle returns FFA_ERROR(NOT_SUPPORTED).");
    public static final Rule RESERVED_MBZ = new Rule("FFA.NOTIFICATION.RESERVED_MBZ", DOC, "Notifications",
            "Reserved parameter registers and fields of the notification functions must be zero; an implementation"
                    + " that checks them refuses the call with INVALID_PARAMETERS.");
    public static final Rule BITMAP_CALLER = new Rule("FFA.NOTIFICATION_BITMAP.CALLER", DOC, CREATE,
            "Only the hypervisor, or the OS kernel when there is none (endpoint 0), creates and destroys VM"
                    + " notification bitmaps at the SPMC; from any other caller the call is NOT_SUPPORTED.");
    public static final Rule BITMAP_VM_ID = new Rule("FFA.NOTIFICATION_BITMAP.VM_ID", DOC, CREATE,
            "w1[15:0] must name a normal-world endpoint the SPMC can keep a bitmap for; otherwise the call is"
                    + " INVALID_PARAMETERS.");
    public static final Rule BITMAP_CREATE = new Rule("FFA.NOTIFICATION_BITMAP_CREATE", DOC, CREATE,
            "FFA_NOTIFICATION_BITMAP_CREATE gives the VM in w1 a notification bitmap for the w2 vCPUs and returns"
                    + " FFA_SUCCESS; a VM that already has one is DENIED.");
    public static final Rule BITMAP_DESTROY = new Rule("FFA.NOTIFICATION_BITMAP_DESTROY", DOC, DESTROY,
            "FFA_NOTIFICATION_BITMAP_DESTROY removes the VM's bitmap and returns FFA_SUCCESS.");
    public static final Rule BITMAP_DESTROY_ABSENT = new Rule("FFA.NOTIFICATION_BITMAP_DESTROY.ABSENT", DOC, DESTROY,
            "Destroying a bitmap that was never created may be refused (DENIED).");
    public static final Rule BITMAP_DESTROY_IN_USE = new Rule("FFA.NOTIFICATION_BITMAP_DESTROY.IN_USE", DOC, DESTROY,
            "A bitmap with notifications pending (or, where the implementation checks it, bindings) cannot be"
                    + " destroyed: DENIED.");
    public static final Rule BIND = new Rule("FFA.NOTIFICATION_BIND", DOC, BIND_SECTION,
            "FFA_NOTIFICATION_BIND lets the sender in w1[31:16] signal the notification IDs set in w3 (IDs 0-31)"
                    + " and w4 (IDs 32-63) to the receiver in w1[15:0], and returns FFA_SUCCESS.");
    public static final Rule BIND_FLAGS = new Rule("FFA.NOTIFICATION_BIND.FLAGS", DOC, BIND_SECTION,
            "w2 bit 0 asks for per-vCPU notifications, which are optional and unsupported here, and w2[31:1] is"
                    + " reserved: a non-zero w2 is refused.");
    public static final Rule ENDPOINTS = new Rule("FFA.NOTIFICATION.ENDPOINTS", DOC, BIND_SECTION,
            "The receiver of a binding must be the caller (the hypervisor acts for any VM), the sender another"
                    + " endpoint, and at the SPMC a normal-world receiver binds only partition senders;"
                    + " otherwise INVALID_PARAMETERS.");
    public static final Rule EMPTY_BITMAP = new Rule("FFA.NOTIFICATION.EMPTY_BITMAP", DOC, BIND_SECTION,
            "A call that names no notification ID (w3 = w4 = 0) may be refused with INVALID_PARAMETERS.");
    public static final Rule RECEIVER_UNKNOWN = new Rule("FFA.NOTIFICATION.RECEIVER_UNKNOWN", DOC, BIND_SECTION,
            "The receiver must be an endpoint the SPMC keeps notifications for (a partition, or a VM with a"
                    + " bitmap); otherwise INVALID_PARAMETERS.");
    public static final Rule RECEIVER_UNSUPPORTED = new Rule("FFA.NOTIFICATION.RECEIVER_UNSUPPORTED", DOC,
            BIND_SECTION, "A receiver that does not support notifications (a v1.0 partition, partition property"
                    + " bit 3 clear, a VM whose bitmap was not created) cannot bind them: NOT_SUPPORTED.");
    public static final Rule SENDER_UNKNOWN = new Rule("FFA.NOTIFICATION_BIND.SENDER_UNKNOWN", DOC, BIND_SECTION,
            "A partition named as sender must exist; otherwise INVALID_PARAMETERS.");
    public static final Rule BIND_TAKEN = new Rule("FFA.NOTIFICATION_BIND.TAKEN", DOC, BIND_SECTION,
            "An ID that is already bound cannot be bound again until it is unbound: DENIED.");
    public static final Rule UNBIND = new Rule("FFA.NOTIFICATION_UNBIND", DOC, UNBIND_SECTION,
            "FFA_NOTIFICATION_UNBIND removes the sender's bindings of the IDs in w3/w4 from the receiver and"
                    + " returns FFA_SUCCESS.");
    public static final Rule UNBIND_NOT_BOUND = new Rule("FFA.NOTIFICATION_UNBIND.NOT_BOUND", DOC, UNBIND_SECTION,
            "IDs not bound to the sender named cannot be unbound by it: DENIED.");
    public static final Rule BINDING_PENDING = new Rule("FFA.NOTIFICATION.BINDING_PENDING", DOC, UNBIND_SECTION,
            "The binding of an ID that is pending cannot change: BIND or UNBIND of it is DENIED.");
    public static final Rule SET = new Rule("FFA.NOTIFICATION_SET", DOC, SET_SECTION,
            "FFA_NOTIFICATION_SET makes the IDs in w3/w4 pending for the receiver in w1[15:0], signalled by the"
                    + " sender in w1[31:16], and returns FFA_SUCCESS.");
    public static final Rule SET_FLAGS = new Rule("FFA.NOTIFICATION_SET.FLAGS", DOC, SET_SECTION,
            "w2 bit 0 (per-vCPU) is unsupported, the vCPU ID in w2[31:16] must be zero for a global notification"
                    + " and w2 bits [15:2] are reserved: otherwise INVALID_PARAMETERS.");
    public static final Rule SET_ENDPOINTS = new Rule("FFA.NOTIFICATION_SET.ENDPOINTS", DOC, SET_SECTION,
            "The sender must be the caller (the hypervisor acts for any VM) and the receiver another endpoint;"
                    + " at the SPMC a VM signals only partitions: otherwise INVALID_PARAMETERS.");
    public static final Rule SET_DELAY_SRI = new Rule("FFA.NOTIFICATION_SET.DELAY_SRI", DOC, SET_SECTION,
            "w2 bit 1 (delay the schedule receiver interrupt) is for partition senders only: from a VM it is"
                    + " INVALID_PARAMETERS.");
    public static final Rule SET_RECEIVER_DISABLED = new Rule("FFA.NOTIFICATION_SET.RECEIVER_DISABLED", DOC,
            SET_SECTION, "A receiver that does not take notifications cannot be signalled: DENIED.");
    public static final Rule SET_NOT_BOUND = new Rule("FFA.NOTIFICATION_SET.NOT_BOUND", DOC, SET_SECTION,
            "Every ID signalled must be bound to the sender: otherwise DENIED.");
    public static final Rule GET = new Rule("FFA.NOTIFICATION_GET", DOC, GET_SECTION,
            "FFA_NOTIFICATION_GET returns and clears the receiver's pending notifications of the bitmaps w2"
                    + " selects: w2/w3 from partitions (bit 0), w4/w5 from VMs (bit 1), w6 from the SPMC (bit 2),"
                    + " w7 from the hypervisor (bit 3); bitmaps not asked for are zero.");
    public static final Rule GET_FLAGS = new Rule("FFA.NOTIFICATION_GET.FLAGS", DOC, GET_SECTION,
            "w2[31:4] must be zero, and at the SPMC a VM receiver asks only for the partition and SPM-framework"
                    + " bitmaps (the hypervisor keeps the others): otherwise INVALID_PARAMETERS.");
    public static final Rule GET_RECEIVER = new Rule("FFA.NOTIFICATION_GET.RECEIVER", DOC, GET_SECTION,
            "The receiver in w1[15:0] must be the caller (the hypervisor gets any VM's): otherwise"
                    + " INVALID_PARAMETERS.");
    public static final Rule GET_VCPU = new Rule("FFA.NOTIFICATION_GET.VCPU", DOC, GET_SECTION,
            "The vCPU ID in w1[31:16] must be below the receiver's vCPU count: otherwise INVALID_PARAMETERS.");
    public static final Rule INFO_GET = new Rule("FFA.NOTIFICATION_INFO_GET", DOC, INFO_SECTION,
            "FFA_NOTIFICATION_INFO_GET lists the receivers with pending notifications: x2 bit 0 = more pending,"
                    + " x2[11:7] = number of lists, x2 bits [12+2i+1:12+2i] = IDs in list i minus 1, and the"
                    + " 16-bit IDs packed from x3 (four per register for SMC64, two for SMC32).");
    public static final Rule INFO_GET_IDS = new Rule("FFA.NOTIFICATION_INFO_GET.IDS", DOC, INFO_SECTION,
            "Each list is a receiver's ID followed by up to three vCPU IDs; with global notifications only, a"
                    + " list is the receiver's ID alone; unused ID fields are zero.");
    public static final Rule INFO_GET_CALLER = new Rule("FFA.NOTIFICATION_INFO_GET.CALLER", DOC, INFO_SECTION,
            "Only the normal-world scheduler (the hypervisor, or the OS kernel, endpoint 0) may call"
                    + " FFA_NOTIFICATION_INFO_GET: otherwise NOT_SUPPORTED.");
    public static final Rule INFO_GET_NO_DATA = new Rule("FFA.NOTIFICATION_INFO_GET.NO_DATA", DOC, INFO_SECTION,
            "With nothing pending to list, FFA_NOTIFICATION_INFO_GET returns FFA_ERROR(NO_DATA).");

    private NotificationRules() {
    }
}
