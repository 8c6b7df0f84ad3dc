package org.fwcts.targets.board;

/** Resets a board that has no reset line by cycling its power. */
record PowerCycleReset(Power power) implements Reset {

    @Override
    public void reset() {
        power.cycle();
    }
}
