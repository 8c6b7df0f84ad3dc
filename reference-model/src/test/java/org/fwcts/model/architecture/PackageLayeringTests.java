package org.fwcts.model.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fwcts.model.Registers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The model's packages")
class PackageLayeringTests {
    private static final String MODEL = "org.fwcts.model";
    private static final String DISPATCH = MODEL + ".firmware";

    private static PackageGraph graph;

    @BeforeAll
    static void readCompiledModel() throws Exception {
        graph = PackageGraph.read(compiledClasses(), MODEL);
    }

    private static Path compiledClasses() throws URISyntaxException {
        // The main classes of this module, a directory when Maven runs the tests.
        return Path.of(Registers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    @DisplayName("are read from the compiled classes, uses included")
    void graphSeesTheModel() {
        assertThat(graph.packages()).contains(MODEL, MODEL + ".ffa", MODEL + ".ffa.memory", DISPATCH);
        assertThat(graph.uses(DISPATCH)).contains(MODEL, MODEL + ".ffa.spmc", MODEL + ".profile");
    }

    @Test
    @DisplayName("use each other without a cycle")
    void noPackageCycle() {
        assertThat(graph.anyCycle()).as("a cycle of package uses").isEmpty();
    }

    @Test
    @DisplayName("keep the base types (registers, rules, versions) free of every other model package")
    void baseUsesNothing() {
        assertThat(graph.uses(MODEL)).isEmpty();
    }

    @Test
    @DisplayName("leave the top-level dispatch unused by any other model package")
    void dispatchIsOnTop() {
        for (String pkg : graph.packages()) {
            if (!pkg.equals(DISPATCH)) {
                assertThat(graph.uses(pkg)).as("packages %s uses", pkg).doesNotContain(DISPATCH);
            }
        }
    }

    @Test
    @DisplayName("keep FF-A base types below the SPMC's state and its handlers")
    void ffaBaseBelowSpmc() {
        assertThat(graph.pathBetween(MODEL + ".ffa", MODEL + ".ffa.spmc")).isEmpty();
        assertThat(graph.pathBetween(MODEL + ".ffa.memory", MODEL + ".ffa.handler.memory")).isEmpty();
    }

    @Nested
    @DisplayName("cycle search")
    class CycleSearch {

        @Test
        @DisplayName("finds a cycle through three packages and names it")
        void findsCycle() {
            PackageGraph cyclic = new PackageGraph(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d")));
            assertThat(cyclic.anyCycle()).contains(List.of("a", "b", "c", "a"));
        }

        @Test
        @DisplayName("finds none in a layered graph")
        void layeredHasNone() {
            PackageGraph layered = new PackageGraph(Map.of("top", Set.of("mid", "base"), "mid", Set.of("base")));
            assertThat(layered.anyCycle()).isEmpty();
            assertThat(layered.pathBetween("top", "base")).contains(List.of("top", "base"));
        }
    }
}
