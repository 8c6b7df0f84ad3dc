package org.fwcts.model;

/**
 * Bytes a caller writes into its own memory before a call: REC or realm parameters, a data source, an address
 * list, a guest's message buffer.
 */
public record MemoryWrite(long address, byte[] bytes) {
    public MemoryWrite {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
