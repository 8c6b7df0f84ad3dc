package org.fwcts.harness.boot;

import java.util.EnumSet;
import java.util.Set;

/** Where a target's boot is, and where it may go from there. */
public enum BootState {
    /** Nothing runs: before the first boot, or between a boot's end and the next. */
    OFF,
    /** The launcher started the target; its agent has not answered yet. */
    LAUNCHED,
    /** The agent answered the handshake: calls may be made. */
    AGENT_READY,
    /** The boot failed (did not come up, or stopped serving); a relaunch may follow. */
    FAILED,
    /** Relaunching failed as often as the descriptor allows: the target is not used again in this run. */
    GIVEN_UP;

    /** The states this one may move to. */
    public Set<BootState> next() {
        return switch (this) {
            case OFF -> EnumSet.of(LAUNCHED, GIVEN_UP);
            case LAUNCHED -> EnumSet.of(AGENT_READY, FAILED);
            case AGENT_READY -> EnumSet.of(OFF, FAILED);
            case FAILED -> EnumSet.of(LAUNCHED, OFF, GIVEN_UP);
            case GIVEN_UP -> EnumSet.noneOf(BootState.class);
        };
    }
}
