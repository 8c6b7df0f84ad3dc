package org.fwcts.model.mediator.optee;

/**
 * Ways a mediator can depart from Xen's, for a simulated target that injects them by name; the
 * reference model judges with {@link #NONE}. Each names the check it drops.
 *
 * @param unshadowed OP-TEE works on the guest's own buffer, so a rewrite after the call reaches it
 * @param doubleResume a resume with no call waiting replays the last resume's answer instead of ERESUME
 * @param noThreadLimit calls beyond the thread count are started anyway
 * @param sharedClientId every guest reaches OP-TEE with the first guest's client ID
 * @param unalignedAccepted an unaligned command buffer is read from where it starts
 */
public record OpteeDepartures(boolean unshadowed, boolean doubleResume, boolean noThreadLimit, boolean sharedClientId,
        boolean unalignedAccepted) {
    public static final OpteeDepartures NONE = new OpteeDepartures(false, false, false, false, false);

    public OpteeDepartures unshadowed(boolean on) {
        return new OpteeDepartures(on, doubleResume, noThreadLimit, sharedClientId, unalignedAccepted);
    }

    public OpteeDepartures doubleResume(boolean on) {
        return new OpteeDepartures(unshadowed, on, noThreadLimit, sharedClientId, unalignedAccepted);
    }

    public OpteeDepartures noThreadLimit(boolean on) {
        return new OpteeDepartures(unshadowed, doubleResume, on, sharedClientId, unalignedAccepted);
    }

    public OpteeDepartures sharedClientId(boolean on) {
        return new OpteeDepartures(unshadowed, doubleResume, noThreadLimit, on, unalignedAccepted);
    }

    public OpteeDepartures unalignedAccepted(boolean on) {
        return new OpteeDepartures(unshadowed, doubleResume, noThreadLimit, sharedClientId, on);
    }
}
