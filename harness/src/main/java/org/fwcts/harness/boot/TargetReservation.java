package org.fwcts.harness.boot;

/**
 * Run-scoped hooks for a target that must be reserved before it is used (a board in a farm):
 * acquired before the first boot, released when the run ends, whatever happened in between.
 */
public interface TargetReservation {

    /** Targets that need no reservation. */
    TargetReservation NONE = new TargetReservation() {
        @Override
        public void acquire() {
        }

        @Override
        public void release() {
        }
    };

    /** The hooks of a launcher's own reservation. */
    static TargetReservation of(org.fwcts.targets.RunReservation reservation) {
        if (reservation == org.fwcts.targets.RunReservation.NONE) {
            return NONE;
        }
        return new TargetReservation() {
            @Override
            public void acquire() {
                reservation.acquire();
            }

            @Override
            public void release() {
                reservation.release();
            }
        };
    }

    /** Reserves the target; throws {@link org.fwcts.targets.TargetException} saying why when it cannot. */
    void acquire();

    void release();
}
