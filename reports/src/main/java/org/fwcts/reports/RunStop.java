package org.fwcts.reports;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Why a run stopped as a whole before its tests were done (a full disk, a signal), if it did.
 * The first reason counts; tests not begun by then are not run and not recorded, so a resumed
 * run runs them.
 */
public final class RunStop {
    private final AtomicReference<String> reason = new AtomicReference<>();

    /** Stops the run for {@code why}, unless it stopped already; true when this call stopped it. */
    public boolean stop(String why) {
        return reason.compareAndSet(null, why);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason.get());
    }

    public boolean stopped() {
        return reason.get() != null;
    }
}
