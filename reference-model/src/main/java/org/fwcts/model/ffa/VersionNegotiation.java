package org.fwcts.model.ffa;

import java.util.Optional;
import org.fwcts.model.SpecVersion;

/**
 * Where one endpoint's FF-A version negotiation stands (DEN0077A, "FFA_VERSION").
 *
 * @param agreed the caller version the SPMC recorded, if any
 * @param closed true once the endpoint made an FF-A call other than FFA_VERSION, which ends
 *     negotiation in implementations that lock it
 */
public record VersionNegotiation(Optional<SpecVersion> agreed, boolean closed) {
    public static final VersionNegotiation OPEN = new VersionNegotiation(Optional.empty(), false);

    public VersionNegotiation agree(SpecVersion version) {
        return new VersionNegotiation(Optional.of(version), closed);
    }

    public VersionNegotiation close() {
        return closed ? this : new VersionNegotiation(agreed, true);
    }
}
