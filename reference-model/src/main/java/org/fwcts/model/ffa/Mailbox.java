package org.fwcts.model.ffa;

import java.util.Optional;

/**
 * An endpoint's RX/TX buffer pair as the SPMC knows it (DEN0077A, "RX/TX buffer management").
 *
 * @param txAddress the TX buffer, which the endpoint writes and the SPMC reads
 * @param rxAddress the RX buffer, which the SPMC writes and the endpoint reads
 * @param pageCount the size of each buffer in 4 KiB FF-A pages
 * @param rxOwner who may use the RX buffer now
 * @param contents what the producer last wrote to the RX buffer, while the consumer owns it
 */
public record Mailbox(long txAddress, long rxAddress, int pageCount, RxOwner rxOwner, Optional<RxContents> contents) {
    /** An FF-A page is 4 KiB whatever the translation granule (DEN0077A, "RX/TX buffers"). */
    public static final int PAGE_SIZE = 4096;

    /** Who owns the RX buffer: the producer (the SPMC; "empty") or the consumer (the endpoint; "full"). */
    public enum RxOwner {
        PRODUCER,
        CONSUMER
    }

    public static Mailbox mapped(long txAddress, long rxAddress, int pageCount) {
        return new Mailbox(txAddress, rxAddress, pageCount, RxOwner.PRODUCER, Optional.empty());
    }

    public int sizeBytes() {
        return pageCount * PAGE_SIZE;
    }

    public boolean rxFull() {
        return rxOwner == RxOwner.CONSUMER;
    }

    /** The producer wrote {@code written}; the consumer now owns the RX buffer. */
    public Mailbox deliver(RxContents written) {
        return new Mailbox(txAddress, rxAddress, pageCount, RxOwner.CONSUMER, Optional.of(written));
    }

    /** The consumer gave the RX buffer back. */
    public Mailbox release() {
        return new Mailbox(txAddress, rxAddress, pageCount, RxOwner.PRODUCER, Optional.empty());
    }
}
