package org.fwcts.model.ffa.notification;

/**
 * A receiver's notifications by origin, one 64-bit bitmap each (DEN0077A, "Notifications": bit n
 * is notification ID n).
 *
 * @param fromSp notifications from partitions (FFA_NOTIFICATION_GET w2/w3)
 * @param fromVm notifications from VMs (GET w4/w5)
 * @param framework framework notifications: bits [31:0] from the SPMC (GET w6), bits [63:32] from
 *     the hypervisor (GET w7); bit 0 of each half is "RX buffer full"
 */
public record NotificationBitmaps(long fromSp, long fromVm, long framework) {
    public static final NotificationBitmaps NONE = new NotificationBitmaps(0, 0, 0);

    public boolean any() {
        return (fromSp | fromVm | framework) != 0;
    }

    /** The bitmap of notifications sent from the sender's world: VM (bit 15 clear) or partition. */
    public long fromWorldOf(boolean vmSender) {
        return vmSender ? fromVm : fromSp;
    }

    /** These plus {@code ids} in the bitmap of the sender's world. */
    public NotificationBitmaps plus(boolean vmSender, long ids) {
        return vmSender ? new NotificationBitmaps(fromSp, fromVm | ids, framework)
                : new NotificationBitmaps(fromSp | ids, fromVm, framework);
    }

    public NotificationBitmaps plusFramework(long bits) {
        return new NotificationBitmaps(fromSp, fromVm, framework | bits);
    }

    public NotificationBitmaps or(NotificationBitmaps other) {
        return new NotificationBitmaps(fromSp | other.fromSp, fromVm | other.fromVm, framework | other.framework);
    }

    /** These without the bits set in {@code other}. */
    public NotificationBitmaps minus(NotificationBitmaps other) {
        return new NotificationBitmaps(fromSp & ~other.fromSp, fromVm & ~other.fromVm, framework & ~other.framework);
    }

    /** Only the bitmaps selected, the others empty. */
    public NotificationBitmaps select(boolean sp, boolean vm, boolean frameworks) {
        return new NotificationBitmaps(sp ? fromSp : 0, vm ? fromVm : 0, frameworks ? framework : 0);
    }

    @Override
    public String toString() {
        return "sp=0x" + Long.toHexString(fromSp) + " vm=0x" + Long.toHexString(fromVm) + " framework=0x"
                + Long.toHexString(framework);
    }
}
