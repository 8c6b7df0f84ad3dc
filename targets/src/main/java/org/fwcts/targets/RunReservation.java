package org.fwcts.targets;

/**
 * What a target must hold for a whole run, across all its boots: a board farm's place. The
 * harness acquires it before the first boot and releases it when the run ends, on every path.
 */
public interface RunReservation {

    /** Targets that need no reservation. */
    RunReservation NONE = new RunReservation() {
        @Override
        public void acquire() {
        }

        @Override
        public void release() {
        }
    };

    /** Reserves the target; throws {@link TargetException} saying why (and who holds it) when it cannot. */
    void acquire();

    /** Gives the reservation back; harmless when nothing is held. */
    void release();
}
