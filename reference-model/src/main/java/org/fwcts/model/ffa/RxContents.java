package org.fwcts.model.ffa;

/**
 * What a producer writes to an endpoint's RX buffer: partition information, a retrieve response,
 * an indirect message. Each area of FF-A supplies its own kind.
 */
public interface RxContents {

    /** The bytes the producer writes, from the start of the RX buffer. */
    byte[] encode();

    /**
     * Compares these predicted contents with the RX buffer the target wrote.
     *
     * @return empty when they agree, otherwise what differs, field by field
     */
    java.util.List<String> differences(byte[] observedRx);

    /** One line for reports, e.g. "2 partition descriptors, 24 bytes each". */
    String describe();
}
