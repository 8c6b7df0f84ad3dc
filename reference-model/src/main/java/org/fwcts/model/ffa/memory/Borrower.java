package org.fwcts.model.ffa.memory;

import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;

/**
 * One receiver of a memory transaction as the SPMC tracks it between calls.
 *
 * @param sent the sender's EMAD for this receiver: the permissions it offered
 * @param granted the permissions resolved at this borrower's last retrieve, until it relinquishes
 * @param retrievals how many retrieves it made that no relinquish has undone yet
 */
public record Borrower(EndpointAccess sent, Optional<AccessPermissions> granted, int retrievals) {

    public static Borrower offered(EndpointAccess sent) {
        return new Borrower(sent, Optional.empty(), 0);
    }

    public EndpointId id() {
        return sent.receiver();
    }

    public boolean holds() {
        return retrievals > 0;
    }

    /** After a retrieve that granted {@code permissions}. */
    public Borrower retrieved(AccessPermissions permissions) {
        return new Borrower(sent, Optional.of(permissions), retrievals + 1);
    }

    /** After one relinquish: the grant goes with the last retrieval. */
    public Borrower relinquished() {
        int left = Math.max(0, retrievals - 1);
        return new Borrower(sent, left == 0 ? Optional.empty() : granted, left);
    }
}
