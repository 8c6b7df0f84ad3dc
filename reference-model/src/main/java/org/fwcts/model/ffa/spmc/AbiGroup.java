package org.fwcts.model.ffa.spmc;

import java.util.Map;
import org.fwcts.model.ffa.FfaFunction;

/** One area of FF-A (discovery, RX/TX, messaging, memory, notifications) and the functions it predicts. */
public interface AbiGroup {

    /** The handler for each function this group predicts. */
    Map<FfaFunction, FfaHandler> handlers();
}
