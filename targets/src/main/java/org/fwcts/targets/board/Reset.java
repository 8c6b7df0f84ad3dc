package org.fwcts.targets.board;

/** Resets a board without a power cycle, or by one when that is all the board offers. */
public interface Reset {

    void reset();
}
