package org.fwcts.model.firmware;

import java.util.Optional;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.RxContents;

/**
 * Predicted contents of caller memory outside the RX buffer that the caller reads back after the
 * call (an OP-TEE message buffer the hypervisor writes results into). Judged against what the
 * caller read at {@link #address()}, when it read it; values the firmware chose there (a session
 * ID) are bound from those bytes.
 */
public interface ReadBack extends RxContents {

    /** Where the caller's memory holds the contents. */
    long address();

    /** The state after the call, given its results and the bytes read back (empty: not read). */
    ModelState next(Registers observed, Optional<byte[]> readBack);
}
