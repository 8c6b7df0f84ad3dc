package org.fwcts.model.rmm;

/** Realm IPA state (DEN0137 1.0, "RmiRipas" / "RsiRipas"): the values RTT_READ_ENTRY and RSI report. */
public enum Ripas {
    EMPTY, RAM, DESTROYED;

    public int code() {
        return ordinal();
    }
}
