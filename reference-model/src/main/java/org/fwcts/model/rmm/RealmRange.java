package org.fwcts.model.rmm;

/** Which function IDs are RSI: 0xC4000190..0xC40001AF (TF-RMM v0.8.0 {@code smc.h}), called by realms only. */
final class RealmRange {
    private static final long RSI_FIRST = RsiFunction.BASE;
    private static final long RSI_LAST = 0xC400_01AFL;

    private RealmRange() {
    }

    static boolean rsi(long functionId) {
        return functionId >= RSI_FIRST && functionId <= RSI_LAST;
    }
}
