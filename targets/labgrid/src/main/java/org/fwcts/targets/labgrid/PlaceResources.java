package org.fwcts.targets.labgrid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.fwcts.targets.labgrid.wire.MapValue;
import org.fwcts.targets.labgrid.wire.Place;
import org.fwcts.targets.labgrid.wire.Resource;
import org.fwcts.targets.labgrid.wire.ResourceMatch;

/**
 * The resources a place matches, sorted into its console and its power switch, as labgrid's
 * client finds them: every resource whose {@code exporter/group/cls/name} path fits one of the
 * place's match patterns (fnmatch), under the name the match renames it to.
 *
 * @param consoles the place's {@code NetworkSerialPort}s (an exporter publishes a RawSerialPort as one)
 * @param power the place's power resources
 * @param all every resource of the place, for {@code fwcts doctor}
 */
record PlaceResources(List<Named> consoles, List<Named> power, List<Named> all) {
    static final String CONSOLE_CLASS = "NetworkSerialPort";

    /** A resource under the name the place gives it. */
    record Named(String name, Resource resource) {
        String cls() {
            return resource.getCls();
        }

        /** A parameter's value (string, number or boolean), or empty when unset (Python's None). */
        Optional<Object> param(String key) {
            MapValue value = resource.getParamsMap().get(key);
            if (value == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(switch (value.getKindCase()) {
                case BOOL_VALUE -> value.getBoolValue();
                case INT_VALUE -> value.getIntValue();
                case UINT_VALUE -> value.getUintValue();
                case FLOAT_VALUE -> value.getFloatValue();
                case STRING_VALUE -> value.getStringValue();
                case KIND_NOT_SET -> null;
            });
        }

        Optional<String> text(String key) {
            return param(key).map(String::valueOf);
        }

        /** An integer parameter; labgrid sends unsigned ones as uint_value, signed ones as int_value. */
        Optional<Long> number(String key) {
            return param(key).filter(v -> v instanceof Long).map(v -> (Long) v);
        }

        @Override
        public String toString() {
            return name + " (" + cls() + ")";
        }
    }

    static PlaceResources of(Place place, Collection<Resource> resources) {
        List<Named> all = new ArrayList<>();
        for (Resource resource : resources) {
            for (ResourceMatch match : place.getMatchesList()) {
                if (fits(match, resource)) {
                    all.add(new Named(match.hasRename() ? match.getRename() : resource.getPath().getResourceName(), resource));
                    break;
                }
            }
        }
        all.sort(java.util.Comparator.comparing(named -> key(named.resource())));
        return new PlaceResources(all.stream().filter(r -> r.cls().equals(CONSOLE_CLASS)).toList(),
                all.stream().filter(r -> isPower(r.cls())).toList(), List.copyOf(all));
    }

    /** labgrid names its power resources …PowerPort, except PDUDaemon's. */
    static boolean isPower(String cls) {
        return cls.equals("PDUDaemonPort") || cls.endsWith("PowerPort");
    }

    /** The resource's path as labgrid writes it: exporter/group/cls/name. */
    static String key(Resource resource) {
        Resource.Path path = resource.getPath();
        return path.getExporterName() + "/" + path.getGroupName() + "/" + resource.getCls() + "/" + path.getResourceName();
    }

    static boolean samePath(Resource resource, Resource.Path path) {
        Resource.Path own = resource.getPath();
        return own.getExporterName().equals(path.getExporterName()) && own.getGroupName().equals(path.getGroupName())
                && own.getResourceName().equals(path.getResourceName());
    }

    private static boolean fits(ResourceMatch match, Resource resource) {
        Resource.Path path = resource.getPath();
        return glob(match.getExporter()).matcher(path.getExporterName()).matches()
                && glob(match.getGroup()).matcher(path.getGroupName()).matches()
                && glob(match.getCls()).matcher(resource.getCls()).matches()
                && (!match.hasName() || glob(match.getName()).matcher(path.getResourceName()).matches());
    }

    /** An fnmatch pattern: {@code *}, {@code ?} and {@code [...]} are special, nothing else. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '[' ? pattern.indexOf(']', i + 1) : -1;
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (close > i + 1) {
                String set = pattern.substring(i + 1, close);
                boolean negated = set.startsWith("!");
                regex.append(negated ? "[^" : "[").append((negated ? set.substring(1) : set)
                        .replaceAll("([^A-Za-z0-9-])", "\\\\$1")).append(']');
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
