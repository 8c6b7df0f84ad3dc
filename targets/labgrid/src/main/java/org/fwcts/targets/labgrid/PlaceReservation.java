package org.fwcts.targets.labgrid;

import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fwcts.targets.RunReservation;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.labgrid.wire.AcquirePlaceRequest;
import org.fwcts.targets.labgrid.wire.CancelReservationRequest;
import org.fwcts.targets.labgrid.wire.CreateReservationRequest;
import org.fwcts.targets.labgrid.wire.GetReservationsRequest;
import org.fwcts.targets.labgrid.wire.Place;
import org.fwcts.targets.labgrid.wire.PollReservationRequest;
import org.fwcts.targets.labgrid.wire.ReleasePlaceRequest;
import org.fwcts.targets.labgrid.wire.Reservation;

/**
 * A labgrid place held for a run, the way labgrid's client holds one: a reservation
 * ({@code CreateReservation}, polled so that it does not expire) that waits until the place is
 * free, then {@code AcquirePlace}; released with a {@code ReleasePlace} that only frees the place
 * while FWCTS's identity holds it, then {@code CancelReservation}. A shutdown hook releases it
 * when the process exits on a signal. The reservation's token is a capability: it is never
 * printed, and coordinator messages that quote it are cleaned.
 */
final class PlaceReservation implements RunReservation {
    private static final Duration POLL = Duration.ofMillis(500);
    /** labgrid's reservation states (ReservationState in labgrid.remote.common). */
    private static final int ALLOCATED = 1;
    private static final int ACQUIRED = 2;
    private static final int EXPIRED = 3;
    private static final int INVALID = 4;

    private final LabgridSettings settings;
    private final PlaceCheck check;
    private final AtomicBoolean releasing = new AtomicBoolean();
    private volatile CoordinatorSession session;
    private volatile String placeName;
    private volatile String token;
    private volatile Thread releaseOnExit;

    PlaceReservation(LabgridSettings settings) {
        this.settings = settings;
        this.check = new PlaceCheck(settings);
    }

    /** Acquires the place, waiting up to {@code labgrid.acquireTimeoutSeconds} while another identity holds it. */
    @Override
    public synchronized void acquire() {
        if (placeName != null) {
            return;
        }
        releasing.set(false);
        session = PlaceCheck.connect(settings);
        releaseOnExit = new Thread(this::release, "labgrid-release");
        Runtime.getRuntime().addShutdownHook(releaseOnExit);
        try {
            settings.place().ifPresent(name -> check.usable(session, check.named(session, name)));
            refuseStale();
            placeName = acquireWhenFree();
            System.err.println("fwcts: acquired labgrid " + settings.wanted() + " as " + settings.identity());
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    /** Whether a place is held for the run (even if someone took it away since: see {@link #ensureHeld}). */
    boolean held() {
        return placeName != null;
    }

    /** The acquired place's name. */
    String placeName() {
        return Optional.ofNullable(placeName).orElseThrow(() -> new TargetException("no labgrid place is held"));
    }

    CoordinatorSession session() {
        return session;
    }

    /** Whether the session's latest news still shows the place acquired by FWCTS's identity; asks nothing. */
    boolean stillHeld() {
        String name = placeName;
        CoordinatorSession current = session;
        return name != null && current != null && current.place(name)
                .filter(place -> place.hasAcquired() && place.getAcquired().equals(settings.identity())).isPresent();
    }

    /**
     * Makes sure the place is still held, acquiring it again when someone released it from under
     * the run (labgrid's {@code release --kick}); its exporter then serves the console anew.
     */
    synchronized void ensureHeld() {
        if (placeName == null) {
            throw new TargetException("the labgrid place was released: the run has ended");
        }
        try {
            session.sync();
        } catch (CoordinatorException e) {
            // The coordinator restarted (it forgets acquisitions when it does): open a new session.
            System.err.println("fwcts: the session with the labgrid coordinator at " + settings.coordinator()
                    + " ended (" + e.getMessage() + "); opening a new one");
            session.close();
            session = PlaceCheck.connect(settings);
        }
        if (stillHeld()) {
            return;
        }
        String lost = placeName;
        System.err.println("fwcts: labgrid place '" + lost + "' is no longer held by " + settings.identity()
                + "; acquiring it again");
        cancelReservation();
        placeName = acquireWhenFree();
    }

    private void refuseStale() {
        for (Place place : session.places()) {
            boolean ours = place.hasAcquired() && place.getAcquired().equals(settings.identity());
            if (!ours || !settings.place().map(place.getName()::equals).orElseGet(() -> tagged(place))) {
                continue;
            }
            if (!settings.takeOverStale()) {
                throw settings.error(settings.placeField(), "place '" + place.getName() + "' is still acquired by "
                        + settings.identity() + ", FWCTS's own identity on this host: a run that was killed did not"
                        + " release it. If no other run of this host uses it, set labgrid.takeOverStale: true (or run"
                        + " labgrid-client -p " + place.getName() + " release --kick); nothing was run");
            }
            System.err.println("fwcts: taking over labgrid place '" + place.getName() + "', left acquired by "
                    + settings.identity() + " (labgrid.takeOverStale)");
            session.call(CoordinatorMethods.RELEASE_PLACE, ReleasePlaceRequest.newBuilder().setPlacename(place.getName())
                    .setFromuser(settings.identity()).build());
            cancelStaleReservations(place.getName());
        }
        session.sync();
    }

    /**
     * Cancels the reservations the killed run left for {@code place} under FWCTS's identity: the
     * coordinator keeps one allocated for a minute after its place is released, which would hold
     * up the new reservation.
     */
    private void cancelStaleReservations(String place) {
        for (Reservation stale : session.call(CoordinatorMethods.GET_RESERVATIONS,
                GetReservationsRequest.getDefaultInstance()).getReservationsList()) {
            if (stale.getOwner().equals(settings.identity()) && place.equals(stale.getAllocationsMap().get("main"))) {
                try {
                    session.call(CoordinatorMethods.CANCEL_RESERVATION, CancelReservationRequest.newBuilder()
                            .setToken(stale.getToken()).build());
                } catch (CoordinatorException e) {
                    // It expired meanwhile: the place is free of it either way.
                }
            }
        }
    }

    private boolean tagged(Place place) {
        return settings.tags().entrySet().stream().allMatch(tag -> tag.getValue().equals(place.getTagsMap().get(tag.getKey())));
    }

    /** Reserves, waits for the allocation, then acquires; returns the place's name. */
    private String acquireWhenFree() {
        CreateReservationRequest.Builder request = CreateReservationRequest.newBuilder();
        Reservation.Filter.Builder filter = Reservation.Filter.newBuilder();
        settings.place().ifPresent(name -> filter.putFilter("name", name));
        settings.tags().forEach(filter::putFilter);
        request.putFilters("main", filter.build());
        token = session.call(CoordinatorMethods.CREATE_RESERVATION, request.build()).getReservation().getToken();
        long deadline = System.nanoTime() + settings.acquireTimeout().toNanos();
        boolean toldWaiting = false;
        while (true) {
            Reservation reservation = poll();
            String allocated = reservation.getAllocationsMap().get("main");
            if ((reservation.getState() == ALLOCATED || reservation.getState() == ACQUIRED) && allocated != null) {
                Place place = check.named(session, allocated);
                check.usable(session, place);
                if (tryAcquire(allocated)) {
                    return allocated;
                }
            } else if (reservation.getState() == EXPIRED || reservation.getState() == INVALID) {
                throw settings.error(settings.placeField(), "the coordinator at " + settings.coordinator()
                        + " dropped the reservation for " + settings.wanted() + " (state " + reservation.getState() + ")");
            }
            List<String> holders = holders();
            if (System.nanoTime() > deadline) {
                cancelReservation();
                throw settings.error("acquireTimeoutSeconds", settings.wanted() + " is still held by "
                        + String.join(", ", holders) + " after " + settings.acquireTimeout().toSeconds()
                        + " s; nothing was run");
            }
            if (!toldWaiting) {
                System.err.println("fwcts: waiting up to " + settings.acquireTimeout().toSeconds() + " s for labgrid "
                        + settings.wanted() + ", held by " + String.join(", ", holders));
                toldWaiting = true;
            }
            session.await(() -> false, POLL);
        }
    }

    private boolean tryAcquire(String name) {
        try {
            session.call(CoordinatorMethods.ACQUIRE_PLACE, AcquirePlaceRequest.newBuilder().setPlacename(name).build());
        } catch (CoordinatorException e) {
            if (e.code() == Status.Code.FAILED_PRECONDITION) {
                return false; // taken between allocation and acquire: keep waiting
            }
            throw settings.error(settings.placeField(), "the coordinator refused to acquire place '" + name + "': "
                    + e.getMessage());
        }
        session.sync();
        return true;
    }

    private Reservation poll() {
        try {
            return session.call(CoordinatorMethods.POLL_RESERVATION, PollReservationRequest.newBuilder().setToken(token)
                    .build()).getReservation();
        } catch (CoordinatorException e) {
            throw settings.error(settings.placeField(), "the reservation for " + settings.wanted() + " failed: "
                    + clean(e.getMessage()));
        }
    }

    /** Who holds the places the run waits for, as the coordinator reports them. */
    private List<String> holders() {
        List<String> holders = session.places().stream()
                .filter(place -> settings.place().map(place.getName()::equals).orElseGet(() -> tagged(place)))
                .filter(Place::hasAcquired).map(place -> place.getAcquired()
                        + (settings.place().isPresent() ? "" : " (" + place.getName() + ")")).toList();
        return holders.isEmpty() ? List.of("another reservation") : holders;
    }

    /** Releases the place if FWCTS's identity still holds it, cancels the reservation and closes the session. */
    @Override
    public void release() {
        if (!releasing.compareAndSet(false, true)) {
            return;
        }
        CoordinatorSession current = session;
        String name = placeName;
        placeName = null;
        try {
            if (current != null && name != null) {
                current.call(CoordinatorMethods.RELEASE_PLACE, ReleasePlaceRequest.newBuilder().setPlacename(name)
                        .setFromuser(settings.identity()).build());
                System.err.println("fwcts: released labgrid place '" + name + "'");
            }
        } catch (RuntimeException e) {
            System.err.println("fwcts: could not release labgrid place '" + name + "' (" + clean(e.getMessage())
                    + "); release it with labgrid-client -p " + name + " release");
        } finally {
            cancelReservation();
            if (current != null) {
                current.close();
            }
            session = null;
            removeShutdownHook();
        }
    }

    private void cancelReservation() {
        String held = token;
        token = null;
        if (held == null || session == null) {
            return;
        }
        try {
            session.call(CoordinatorMethods.CANCEL_RESERVATION, CancelReservationRequest.newBuilder().setToken(held).build());
        } catch (RuntimeException e) {
            // An expired reservation is gone already; nothing is held by it.
        }
    }

    private void removeShutdownHook() {
        Thread hook = releaseOnExit;
        releaseOnExit = null;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is exiting: the hook runs (or ran) and finds the place released.
            }
        }
    }

    /** {@code message} without the reservation's token, which coordinator errors quote. */
    private String clean(String message) {
        String held = token;
        return held == null || held.isEmpty() || message == null ? String.valueOf(message) : message.replace(held, "…");
    }
}
