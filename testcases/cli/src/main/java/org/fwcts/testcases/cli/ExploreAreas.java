package org.fwcts.testcases.cli;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.AreaSelection;
import org.fwcts.model.explore.ffa.FfaAreas;
import org.fwcts.model.explore.rmm.RmmAreas;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code --area} read against the target's interface: an area of the other interface is named as such. */
final class ExploreAreas {

    private ExploreAreas() {
    }

    static AreaSelection select(CommandSpec spec, String areas, List<AreaGenerator> generators, boolean rmm, String target) {
        try {
            return AreaSelection.parse(areas, generators);
        } catch (IllegalArgumentException e) {
            String hint = "";
            if (areas != null) {
                Set<String> other = (rmm ? FfaAreas.all() : RmmAreas.all()).stream().map(AreaGenerator::area)
                        .collect(Collectors.toSet());
                List<String> misplaced = List.of(areas.split(",")).stream().map(a -> a.split("=")[0].trim())
                        .filter(other::contains).toList();
                if (!misplaced.isEmpty()) {
                    hint = " ('" + String.join("', '", misplaced) + "' " + (misplaced.size() == 1 ? "is an " : "are ")
                            + (rmm ? "FF-A" : "RMM") + " area" + (misplaced.size() == 1 ? "" : "s") + "; target " + target
                            + " has " + (rmm ? "an RMM and no SPMC" : "no RMM") + ")";
                }
            }
            throw new ParameterException(spec.commandLine(), "--area: " + e.getMessage() + hint + "; nothing was booted");
        }
    }
}
