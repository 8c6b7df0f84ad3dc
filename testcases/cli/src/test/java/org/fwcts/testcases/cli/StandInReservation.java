package org.fwcts.testcases.cli;

import java.util.Map;
import org.fwcts.targets.labgrid.wire.Reservation;

/** A reservation at {@link StandInCoordinator}, with labgrid's states and lifetime. */
final class StandInReservation {
    final String owner;
    final String token;
    final Map<String, String> filter;
    int state = StandInCoordinator.WAITING;
    String allocation;
    long expires = System.nanoTime() + StandInCoordinator.RESERVATION_LIFETIME_NANOS;

    StandInReservation(String owner, String token, Map<String, String> filter) {
        this.owner = owner;
        this.token = token;
        this.filter = filter;
    }

    Reservation message() {
        Reservation.Builder reservation = Reservation.newBuilder().setOwner(owner).setToken(token).setState(state)
                .putFilters("main", Reservation.Filter.newBuilder().putAllFilter(filter).build());
        if (allocation != null) {
            reservation.putAllocations("main", allocation);
        }
        return reservation.build();
    }
}
