package org.fwcts.testcases.scenario;

import org.fwcts.model.explore.rmm.RmmAreas;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fwcts.harness.explore.ActionSource;
import org.fwcts.harness.explore.Scenario;
import org.fwcts.harness.explore.ScenarioFiles;
import org.fwcts.harness.explore.SequenceResult;
import org.fwcts.harness.explore.SequenceRunner;
import org.fwcts.harness.explore.TargetAreas;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.Generators;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.RequiresFfaOrOptee;
import org.fwcts.testcases.support.TestRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * The sequences {@code fwcts explore} found and shrank, saved as scenario files, each replayed on
 * a fresh boot with every step checked: a deviation once found stays found. The files come from
 * the catalogue's own folder, or from the folders the {@code fwcts.scenarios} system property names
 * ({@code fwcts run --scenarios DIR}). A scenario of another kind of target's areas (an FF-A system's,
 * guest VMs behind one of Xen's mediators) is skipped, saying which endpoints it needs.
 */
@ConformanceTest
@RequiresFfaOrOptee
@Tag("ffa")
@Tag("scenario")
@DisplayName("Saved explore scenarios")
class ScenarioTests {
    /** Where the catalogue keeps its scenarios, under the project. */
    static final String CATALOGUE_FOLDER = "testcases/catalogue/src/test/resources/scenarios";
    /** The system property naming other scenario folders or files, separated by the path separator. */
    static final String PROPERTY = "fwcts.scenarios";

    /** Each file, shown by its name alone: test IDs stay the same wherever the project is checked out. */
    static Stream<Named<Path>> scenarios() {
        List<Path> files = new ArrayList<>();
        try {
            for (Path folder : folders()) {
                files.addAll(ScenarioFiles.list(folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // RMM scenarios are RmmScenarioTests'; a file that reads as neither stays here, to fail naming its field.
        return files.stream().filter(file -> !ScenarioFiles.reads(file, RmmAreas.all()))
                .map(file -> Named.of(file.getFileName().toString(), file));
    }

    static List<Path> folders() {
        String given = System.getProperty(PROPERTY, "");
        if (!given.isBlank()) {
            return Stream.of(given.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
        }
        return List.of(ProjectLayout.discover().root().resolve(CATALOGUE_FOLDER));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("scenarios")
    @DisplayName("replays without a divergence")
    void replays(Path file, TestRun run) {
        // A malformed file is an error of the run's input: the test breaks with the file and field named.
        Scenario scenario = ScenarioFiles.read(file, TargetAreas.known());
        FirmwareModel model = run.pipeline().model();
        List<AreaGenerator> generators = TargetAreas.of(model);
        for (var action : scenario.actions()) {
            if (Generators.find(generators, action.area()).isEmpty()) {
                throw new TestAbortedException("scenario " + scenario.name() + " (area " + action.area() + ") needs "
                        + TargetAreas.elsewhere(action.area()).orElse("another kind of target") + "; profile "
                        + model.profile().name() + " has no such endpoint");
            }
        }
        if (!run.freshBoot()) {
            run.relaunchNow("scenario " + scenario.name() + " on a fresh boot");
        }
        try {
            replay(scenario, model, generators, run);
        } finally {
            // A scenario may end anywhere (a version other than v1.2 agreed, negotiation closed
            // with none): the next test must not inherit that boot.
            run.rebootBeforeNextTest("after scenario " + scenario.name());
        }
    }

    private static void replay(Scenario scenario, FirmwareModel model, List<AreaGenerator> generators, TestRun run) {
        ExploreContext context;
        try {
            context = TargetAreas.context(model, run.descriptor().ffa().map(f -> f.scratchBase()),
                    run.descriptor().file().toString());
        } catch (IllegalArgumentException e) {
            throw new TestAbortedException(e.getMessage() + ": scenarios need scratch memory");
        }
        TargetAreas.guests(context, run.agents());
        SequenceResult result = new SequenceRunner(generators).run(run.pipeline(), run.agents(), context,
                ActionSource.replay(scenario.actions()));
        ScenarioVerdict.raise(scenario, result);
    }
}
