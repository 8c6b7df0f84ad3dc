package org.fwcts.harness.session;

import java.util.List;
import java.util.Optional;
import org.fwcts.targets.xen.XenGuest;

/**
 * Whether Xen's FF-A mediator serves a guest, with the evidence: Xen's boot log names the
 * mediator it uses ({@code tee_init} in xen/arch/arm/tee/tee.c prints
 * {@value #MEDIATOR_LINE}), and a guest without one gets Xen's answer to a call no handler
 * takes, x0 = -1 (SMCCC's NOT_SUPPORTED), for its first {@code FFA_VERSION}. Pure.
 */
public final class MediatorPresence {
    /** The line Xen prints when it has probed the SPMC and uses the FF-A mediator. */
    public static final String MEDIATOR_LINE = "Using TEE mediator for FF-A";
    /** SMCCC's NOT_SUPPORTED, what Xen answers a guest's SMC nothing handles (vsmc.c). */
    public static final long UNKNOWN_CALL = -1L;

    private MediatorPresence() {
    }

    /** Why this Xen has no FF-A mediator, quoting its log; empty when the log says it uses one. */
    public static Optional<String> xenWithoutMediator(List<String> xenLog) {
        if (xenLog.stream().anyMatch(line -> line.contains(MEDIATOR_LINE))) {
            return Optional.empty();
        }
        String evidence = xenLog.stream().filter(line -> line.contains("FF-A") || line.contains("TEE"))
                .reduce((first, second) -> second)
                .map(line -> "its log says '" + line.strip() + "'")
                .orElseGet(() -> "its log has no '" + MEDIATOR_LINE + "' line" + xenLog.stream()
                        .filter(line -> line.startsWith("Xen version")).findFirst()
                        .map(line -> " (" + line.strip() + ")").orElse(""));
        return Optional.of("Xen without the FF-A mediator: " + evidence);
    }

    /**
     * Why {@code guest} has no mediator, given the x0 its first {@code FFA_VERSION} returned; empty
     * when the answer came from a mediator.
     */
    public static Optional<String> notAttached(XenGuest guest, long versionX0, List<String> xenLog) {
        if (versionX0 != UNKNOWN_CALL) {
            return Optional.empty();
        }
        String xen = xenWithoutMediator(xenLog).orElse("Xen's log says '" + MEDIATOR_LINE + "'");
        String asked = guest.mediator()
                ? "; its node asks for it (tee = \"ffa\"), so this Xen does not honour that property"
                : "; its node does not ask for it (mediator: false)";
        return Optional.of("mediator not attached to this VM: guest " + guest.name() + " (DOM" + guest.domain()
                + ") got x0 = -1 for FFA_VERSION, Xen's answer to a call no handler takes; " + xen + asked);
    }
}
