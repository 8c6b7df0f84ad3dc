package org.fwcts.targets.board;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A board's power switch as its descriptor describes it; {@link BoardDrivers} builds the switch at launch. */
public sealed interface PowerSettings {

    /**
     * One outlet behind PDUDaemon's HTTP API.
     *
     * @param baseUrl e.g. {@code http://pdu-server:16421}; never carries a user or password
     * @param pdu the PDU's name in PDUDaemon's configuration
     * @param outlet the outlet number
     * @param rebootDelay the off time of a power cycle
     * @param credential {@code user:password} for HTTP Basic, when a proxy in front of PDUDaemon asks for it
     */
    record PduDaemon(URI baseUrl, String pdu, int outlet, Duration rebootDelay, Optional<Credential> credential)
            implements PowerSettings {
        @Override
        public String toString() {
            return "PDUDaemon " + baseUrl + " " + pdu + " outlet " + outlet;
        }
    }

    /**
     * Commands that switch the board ({@code power.on}, {@code power.off}, optionally {@code power.cycle}).
     *
     * @param on switches it on
     * @param off switches it off
     * @param cycle switches it off and on in one go, if the tool can
     */
    record Commands(ShellCommand on, ShellCommand off, Optional<ShellCommand> cycle) implements PowerSettings {
        /** Every command this switch may run. */
        public List<ShellCommand> all() {
            List<ShellCommand> all = new ArrayList<>(List.of(on, off));
            cycle.ifPresent(all::add);
            return all;
        }

        @Override
        public String toString() {
            return "commands (" + on.template() + " / " + off.template() + ")";
        }
    }
}
