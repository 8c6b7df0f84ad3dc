package org.fwcts.targets.labgrid;

import java.util.List;
import java.util.stream.Collectors;
import org.fwcts.targets.labgrid.wire.Place;

/**
 * What {@code fwcts doctor} checks of a labgrid place without acquiring it: the coordinator
 * answers, the place exists and who holds it, and which of the resources FWCTS needs it has.
 * Each check returns what it found or throws naming the descriptor field to fix.
 */
final class LabgridChecks {
    private final LabgridSettings settings;

    LabgridChecks(LabgridSettings settings) {
        this.settings = settings;
    }

    String coordinator() {
        try (CoordinatorSession session = PlaceCheck.connect(settings)) {
            return settings.coordinator() + " answers: " + session.places().size() + " place(s), "
                    + session.resources(r -> true).size() + " resource(s); FWCTS claims " + settings.identity();
        }
    }

    String place() {
        try (CoordinatorSession session = PlaceCheck.connect(settings)) {
            List<Place> places = places(session);
            return places.stream().map(place -> "'" + place.getName() + "' " + (place.hasAcquired()
                    ? "acquired by " + place.getAcquired() : "free")).collect(Collectors.joining("; "));
        }
    }

    String resources() {
        try (CoordinatorSession session = PlaceCheck.connect(settings)) {
            PlaceCheck check = new PlaceCheck(settings);
            StringBuilder found = new StringBuilder();
            for (Place place : places(session)) {
                PlaceResources resources = check.usable(session, place);
                found.append(found.isEmpty() ? "" : "; ").append("'").append(place.getName()).append("': console ")
                        .append(resources.consoles().get(0)).append(", power ")
                        .append(check.power(place, resources).map(Object::toString).orElse("none (the board is powered by hand)"));
            }
            return found.toString();
        }
    }

    /** The named place, or every place carrying the descriptor's tags. */
    private List<Place> places(CoordinatorSession session) {
        if (settings.place().isPresent()) {
            return List.of(new PlaceCheck(settings).named(session, settings.place().get()));
        }
        List<Place> tagged = session.places().stream().filter(place -> settings.tags().entrySet().stream()
                .allMatch(tag -> tag.getValue().equals(place.getTagsMap().get(tag.getKey())))).toList();
        if (tagged.isEmpty()) {
            throw settings.error("tags", "no place on the coordinator at " + settings.coordinator() + " carries "
                    + settings.tags());
        }
        return tagged;
    }
}
