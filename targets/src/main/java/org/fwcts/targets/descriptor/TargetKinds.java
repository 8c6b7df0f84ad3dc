package org.fwcts.targets.descriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.spi.TargetKind;

/** The target kinds on the class path, found with {@link ServiceLoader}. */
public final class TargetKinds {
    private static volatile List<TargetKind> cache;

    private TargetKinds() {
    }

    public static Optional<TargetKind> named(String name) {
        return all().stream().filter(kind -> kind.name().equals(name)).findFirst();
    }

    /** Every kind's name, sorted. */
    public static List<String> names() {
        return all().stream().map(TargetKind::name).sorted().toList();
    }

    /** Found once: a kind is stateless, and one instance each keeps descriptors of the same file equal. */
    private static List<TargetKind> all() {
        List<TargetKind> found = cache;
        if (found == null) {
            found = load();
            cache = found;
        }
        return found;
    }

    private static List<TargetKind> load() {
        List<TargetKind> kinds = new ArrayList<>();
        for (TargetKind kind : ServiceLoader.load(TargetKind.class)) {
            for (TargetKind seen : kinds) {
                if (seen.name().equals(kind.name())) {
                    throw new TargetException("two target kinds are named '" + kind.name() + "': "
                            + seen.getClass().getName() + " and " + kind.getClass().getName());
                }
            }
            kinds.add(kind);
        }
        return List.copyOf(kinds);
    }
}
