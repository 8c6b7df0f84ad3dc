package org.fwcts.targets.board;

/** Switches a board's power: a network power switch outlet, or commands that do it. */
public interface Power {

    void on();

    void off();

    /** Off, then on; a switch that can do both in one request overrides this. */
    default void cycle() {
        off();
        on();
    }
}
