package org.fwcts.testcases.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.fwcts.targets.labgrid.wire.MapValue;
import org.fwcts.targets.labgrid.wire.Place;
import org.fwcts.targets.labgrid.wire.Resource;
import org.fwcts.targets.labgrid.wire.ResourceMatch;

/** A place of {@link StandInCoordinator}, with the resources its one exporter publishes for it. */
final class StandInPlace {
    static final String EXPORTER = "standin-exporter";

    final String name;
    final Map<String, String> tags;
    final Map<String, Resource> resources = new LinkedHashMap<>();
    final Optional<StandInCoordinator.ConsoleServer> console;
    String acquired;
    String reservation;

    StandInPlace(String name, Map<String, String> tags, Optional<StandInCoordinator.ConsoleServer> console) {
        this.name = name;
        this.tags = tags;
        this.console = console;
    }

    Place message() {
        Place.Builder place = Place.newBuilder().setName(name).putAllTags(tags)
                .addMatches(ResourceMatch.newBuilder().setExporter(EXPORTER).setGroup(name).setCls("*"));
        if (acquired != null) {
            place.setAcquired(acquired);
            resources.values().forEach(r -> place.addAcquiredResources(EXPORTER + "/" + name + "/" + r.getCls() + "/"
                    + r.getPath().getResourceName()));
        }
        if (reservation != null) {
            place.setReservation(reservation);
        }
        return place.build();
    }

    /** A NetworkSerialPort as an exporter publishes a RawSerialPort: no port until the place is acquired. */
    static Map<String, Object> networkSerialPort() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("host", "127.0.0.1");
        params.put("port", null);
        params.put("speed", 115200L);
        params.put("protocol", "rfc2217");
        return params;
    }

    /** Values as labgrid's exporter encodes them: unsigned integers as uint_value, None as no value. */
    static MapValue mapValue(Object value) {
        MapValue.Builder builder = MapValue.newBuilder();
        if (value instanceof Long number) {
            builder.setUintValue(number);
        } else if (value instanceof Integer number) {
            builder.setUintValue(number);
        } else if (value instanceof String text) {
            builder.setStringValue(text);
        } else if (value instanceof Boolean flag) {
            builder.setBoolValue(flag);
        }
        return builder.build();
    }
}
