package org.fwcts.harness.pipeline;

import java.util.List;
import java.util.Optional;
import org.fwcts.model.HostMemory;

/**
 * The normal-world memory one call uses beyond its registers: regions the caller writes before
 * the call (an RMM command's parameters, a REC run structure) and windows it reads back after
 * (the REC exit). The FF-A TX and RX buffers keep their own fields.
 *
 * @param writes written before the call, in order; the model reads them as the call's input
 * @param reads read back after a completed call, in order
 */
public record CallMemory(List<MemoryRegion> writes, List<Window> reads) {
    public static final CallMemory NONE = new CallMemory(List.of(), List.of());

    /** {@code length} bytes at {@code address}. */
    public record Window(long address, int length) {
    }

    public CallMemory {
        writes = List.copyOf(writes);
        reads = List.copyOf(reads);
    }

    public static CallMemory writing(MemoryRegion... regions) {
        return new CallMemory(List.of(regions), List.of());
    }

    public CallMemory reading(Window... windows) {
        List<Window> all = new java.util.ArrayList<>(reads);
        all.addAll(List.of(windows));
        return new CallMemory(writes, all);
    }

    public boolean isEmpty() {
        return writes.isEmpty() && reads.isEmpty();
    }

    /** What the model may know of memory: the bytes written, the last write winning. */
    public static HostMemory known(List<MemoryRegion> writes) {
        return (address, length) -> {
            for (int i = writes.size() - 1; i >= 0; i--) {
                if (writes.get(i).covers(address, length)) {
                    return Optional.of(writes.get(i).slice(address, length));
                }
            }
            return Optional.empty();
        };
    }
}
