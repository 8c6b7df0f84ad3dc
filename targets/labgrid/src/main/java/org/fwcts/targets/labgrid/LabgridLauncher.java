package org.fwcts.targets.labgrid;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.RunReservation;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.board.BoardDrivers;
import org.fwcts.targets.board.BoardInstance;
import org.fwcts.targets.board.Power;
import org.fwcts.targets.descriptor.ConsoleSpec;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.image.AgentImage;
import org.fwcts.targets.image.ImageManifest;
import org.fwcts.targets.labgrid.wire.Place;

/**
 * Boots the board of a labgrid place: the run's {@link PlaceReservation} holds the place; each
 * launch checks it is still held (acquiring it again if it was taken away), deploys the agent
 * image, power-cycles the board through the place's power resource and hands over the console
 * the place's exporter serves. Everything after that is the board path.
 */
final class LabgridLauncher implements TargetLauncher {
    /** An exporter starts its console server on acquire; this is how long it may take to publish the port. */
    private static final Duration CONSOLE_PUBLISHED = Duration.ofSeconds(30);
    private final LabgridSettings settings;
    private final ImageManifest images;
    private final PlaceReservation reservation;
    private final PlaceCheck check;

    LabgridLauncher(LabgridSettings settings, ImageManifest images) {
        this.settings = settings;
        this.images = images;
        this.reservation = new PlaceReservation(settings);
        this.check = new PlaceCheck(settings);
    }

    @Override
    public RunReservation reservation() {
        return reservation;
    }

    @Override
    public RunningTarget launch(TargetDescriptor descriptor, Path workDir) {
        AgentImage agent = images.image(descriptor.agentImage()).verified();
        // A caller that boots once without a run's reservation (fwcts bench) holds the place for this boot only.
        boolean ownReservation = !reservation.held();
        if (ownReservation) {
            reservation.acquire();
        }
        try {
            reservation.ensureHeld();
            Place place = check.named(reservation.session(), reservation.placeName());
            PlaceResources resources = check.usable(reservation.session(), place);
            Optional<Power> power = check.power(place, resources);
            List<String> log = new ArrayList<>();
            log.add("labgrid place '" + place.getName() + "' held by " + settings.identity() + " at " + settings.coordinator());
            log.add("deploy: " + BoardDrivers.deploy(settings.deploy()).deploy(agent.file()));
            if (power.isPresent()) {
                power.get().cycle();
                log.add("power cycled: " + power.get());
            } else {
                log.add("the place has no power resource: waiting for the agent to come up by itself");
            }
            List<String> names = descriptor.consoles().stream().map(ConsoleSpec::name).toList();
            return new BoardInstance(() -> names.stream().map(this::console).toList(),
                    Map.of("agent:" + agent.name(), agent.sha256()), power.filter(p -> settings.powerOffAtEnd()), log,
                    ownReservation ? reservation : RunReservation.NONE);
        } catch (RuntimeException e) {
            if (ownReservation) {
                reservation.release();
            }
            throw e;
        }
    }

    /**
     * Where console {@code name} is served now: the place is acquired again first if it was lost,
     * and the exporter's new port awaited.
     */
    private ConsoleEndpoint console(String name) {
        // The console may have closed because the place was released: hear of that before answering.
        reservation.session().sync();
        if (!reservation.stillHeld()) {
            reservation.ensureHeld();
        }
        CoordinatorSession session = reservation.session();
        ConsoleEndpoint[] found = new ConsoleEndpoint[1];
        boolean published = session.await(() -> {
            Optional<Place> place = session.place(reservation.placeName());
            found[0] = place.flatMap(p -> check.console(p, PlaceResources.of(p, session.resources(r -> true)), name))
                    .orElse(null);
            return found[0] != null;
        }, CONSOLE_PUBLISHED);
        if (!published) {
            throw new TargetException(settings.file() + ": labgrid.place: place '" + reservation.placeName()
                    + "' is acquired but its exporter published no console port within "
                    + CONSOLE_PUBLISHED.toSeconds() + " s");
        }
        return found[0];
    }
}
