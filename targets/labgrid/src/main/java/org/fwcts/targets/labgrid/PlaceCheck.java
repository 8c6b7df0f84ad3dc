package org.fwcts.targets.labgrid;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeSet;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.Executables;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.board.BoardDrivers;
import org.fwcts.targets.board.Power;
import org.fwcts.targets.board.PowerSettings;
import org.fwcts.targets.labgrid.wire.Place;

/**
 * What FWCTS needs of a place, checked against what the coordinator reports: the place exists, it
 * has a console, and its power resource (if any) maps to a switch FWCTS can drive. Every refusal
 * names the descriptor field that chose the coordinator or the place.
 */
final class PlaceCheck {
    /** Where labgrid's PDUDaemon driver looks when the resource's host names no port. */
    private static final int PDUDAEMON_PORT = 16421;
    private static final Duration PDU_REBOOT_DELAY = Duration.ofSeconds(5);
    private final LabgridSettings settings;

    PlaceCheck(LabgridSettings settings) {
        this.settings = settings;
    }

    /** A session with the descriptor's coordinator; an unreachable one is an error naming {@code labgrid.coordinator}. */
    static CoordinatorSession connect(LabgridSettings settings) {
        try {
            return CoordinatorSession.open(settings.coordinator(), settings.identity());
        } catch (CoordinatorException e) {
            throw settings.error("coordinator", "cannot reach the labgrid coordinator at " + settings.coordinator()
                    + ": " + e.getMessage() + "; fix: start labgrid-coordinator there, or correct labgrid.coordinator");
        }
    }

    Place named(CoordinatorSession session, String name) {
        return session.place(name).orElseThrow(() -> settings.error(settings.placeField(), "the coordinator at "
                + settings.coordinator() + " has no place '" + name + "' (places: "
                + String.join(", ", new TreeSet<>(session.places().stream().map(Place::getName).toList())) + ")"));
    }

    /** The place's resources, refused unless it has a console and a drivable power switch (or none). */
    PlaceResources usable(CoordinatorSession session, Place place) {
        PlaceResources resources = PlaceResources.of(place, session.resources(r -> true));
        if (resources.consoles().isEmpty()) {
            throw settings.error(settings.placeField(), "place '" + place.getName() + "' has no console resource"
                    + " (a NetworkSerialPort, which an exporter publishes for a RawSerialPort); its resources: "
                    + (resources.all().isEmpty() ? "none" : resources.all()));
        }
        power(place, resources);
        return resources;
    }

    /**
     * The place's power switch: PDUDaemon through FWCTS's own driver, anything else through
     * {@code labgrid-client power} when it is installed; empty when the place has no power resource.
     */
    Optional<Power> power(Place place, PlaceResources resources) {
        if (resources.power().isEmpty()) {
            return Optional.empty();
        }
        PlaceResources.Named resource = resources.power().get(0);
        if (resource.cls().equals("PDUDaemonPort")) {
            String host = resource.text("host").orElseThrow(() -> missingParameter(place, resource, "host"));
            String pdu = resource.text("pdu").orElseThrow(() -> missingParameter(place, resource, "pdu"));
            long index = resource.number("index").orElseThrow(() -> missingParameter(place, resource, "index"));
            URI url = URI.create("http://" + (host.contains(":") ? host : host + ":" + PDUDAEMON_PORT));
            return Optional.of(BoardDrivers.power(new PowerSettings.PduDaemon(url, pdu, (int) index, PDU_REBOOT_DELAY,
                    Optional.empty())));
        }
        if (Executables.find(LabgridClientPower.PROGRAM).isPresent()) {
            return Optional.of(new LabgridClientPower(settings, place.getName()));
        }
        throw settings.error(settings.placeField(), "place '" + place.getName() + "' is powered through " + resource
                + ", which FWCTS has no driver for, and " + LabgridClientPower.PROGRAM + " is not installed to drive it;"
                + " fix: install labgrid's client, or export the power switch as a PDUDaemonPort");
    }

    /** The agent console, once the exporter serves it (its port is unset until the place is acquired). */
    Optional<ConsoleEndpoint.Network> console(Place place, PlaceResources resources, String consoleName) {
        PlaceResources.Named console = resources.consoles().stream().filter(r -> r.name().equals(consoleName)).findFirst()
                .orElse(resources.consoles().get(0));
        Optional<Long> port = console.number("port");
        if (port.isEmpty() || port.get() <= 0) {
            return Optional.empty();
        }
        String host = console.text("host").orElseThrow(() -> missingParameter(place, console, "host"));
        boolean telnet = !console.text("protocol").orElse("rfc2217").equals("raw");
        return Optional.of(new ConsoleEndpoint.Network(consoleName, host, port.get().intValue(), telnet));
    }

    private TargetException missingParameter(Place place, PlaceResources.Named resource, String parameter) {
        return settings.error(settings.placeField(), "place '" + place.getName() + "': resource " + resource
                + " has no '" + parameter + "' parameter");
    }
}
