package org.fwcts.harness.simulated;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;

/** Reads deviation names from a descriptor into deviations; every unknown name is an error that says what is known. */
final class Deviations {
    static final String KNOWN = "wrong-error:FUNCTION:EXPECTED:ACTUAL (e.g. wrong-error:FFA_RXTX_MAP:DENIED:BUSY), "
            + "never-returns:FUNCTION (e.g. never-returns:FFA_SPM_ID_GET), "
            + "execute-on-not-specified, rwx-after-reclaim, relinquish-not-held, wrong-partition-id, " + RmmDeviations.KNOWN
            + "; with a mediator: double-listing-race, wrong-vm-id, share-handle-swapped; with an OP-TEE mediator: "
            + OpteeDeviation.KNOWN;

    private Deviations() {
    }

    /**
     * Parses {@code names}.
     *
     * @throws IllegalArgumentException naming the entry (by index) that is not a known deviation
     */
    static List<Deviation> parse(List<String> names) {
        List<Deviation> deviations = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            try {
                deviations.add(parse(names.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("deviations[" + i + "]: " + e.getMessage(), e);
            }
        }
        return deviations;
    }

    private static Deviation parse(String name) {
        if (name.equals("execute-on-not-specified")) {
            return new ExecuteOnNotSpecified();
        }
        if (name.equals("rwx-after-reclaim")) {
            return new RwxAfterReclaim();
        }
        if (name.equals("relinquish-not-held")) {
            return new RelinquishNotHeld();
        }
        if (name.equals("wrong-partition-id")) {
            return new WrongPartitionId();
        }
        if (name.equals("double-listing-race")) {
            return new DoubleListingRace();
        }
        if (name.equals("wrong-vm-id")) {
            return new WrongVmId();
        }
        if (name.equals("share-handle-swapped")) {
            return new ShareHandleSwapped();
        }
        java.util.Optional<Deviation> optee = OpteeDeviation.named(name);
        if (optee.isPresent()) {
            return optee.get();
        }
        java.util.Optional<Deviation> rmm = RmmDeviations.named(name);
        if (rmm.isPresent()) {
            return rmm.get();
        }
        if (name.startsWith(NeverReturns.PREFIX)) {
            return new NeverReturns(enumValue(FfaFunction.class, name.substring(NeverReturns.PREFIX.length())));
        }
        String[] parts = name.split(":");
        if (parts.length == 4 && parts[0].equals("wrong-error")) {
            return new WrongErrorCode(enumValue(FfaFunction.class, parts[1]), enumValue(FfaError.class, parts[2]),
                    enumValue(FfaError.class, parts[3]));
        }
        throw new IllegalArgumentException("unknown deviation '" + name + "' (known: " + KNOWN + ")");
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + type.getSimpleName(), e);
        }
    }
}
