package org.fwcts.model;

import java.util.Optional;

/**
 * Normal-world memory a call reads, as far as the model knows it: what the caller wrote before
 * the call (the RMM's realm and REC parameters, a REC run structure, a DATA_CREATE source).
 */
@FunctionalInterface
public interface HostMemory {
    /** Nothing known: every read is empty. */
    HostMemory NONE = (address, length) -> Optional.empty();

    /** The {@code length} bytes at {@code address}, when all of them are known. */
    Optional<byte[]> read(long address, int length);
}
