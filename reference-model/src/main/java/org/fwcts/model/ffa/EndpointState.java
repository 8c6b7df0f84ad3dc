package org.fwcts.model.ffa;

import java.util.Optional;

/**
 * What the SPMC holds about one endpoint between calls: its version negotiation and its
 * RX/TX buffers.
 */
public record EndpointState(VersionNegotiation version, Optional<Mailbox> mailbox) {
    public static final EndpointState FRESH = new EndpointState(VersionNegotiation.OPEN, Optional.empty());

    public EndpointState withVersion(VersionNegotiation negotiation) {
        return new EndpointState(negotiation, mailbox);
    }

    public EndpointState withMailbox(Optional<Mailbox> newMailbox) {
        return new EndpointState(version, newMailbox);
    }
}
