package org.fwcts.harness.console;

import java.time.Duration;

/**
 * How fast input may go to a guest whose UART a hypervisor emulates: at most {@code chunkBytes}
 * at once, then a pause of {@code gap}. Xen's vpl011 holds 32 bytes of input and drops the rest
 * ({@code failed to process console input: -28}); the agent does not echo, so there is no
 * marker to wait for and a fixed rate is the only flow control.
 *
 * @param chunkBytes bytes sent back to back, 1 or more
 * @param gap the pause after each chunk
 */
public record InputPacing(int chunkBytes, Duration gap) {
    public InputPacing {
        if (chunkBytes < 1 || gap.isNegative()) {
            throw new IllegalArgumentException("pacing needs a chunk of 1 or more bytes and a gap of 0 or more");
        }
    }
}
