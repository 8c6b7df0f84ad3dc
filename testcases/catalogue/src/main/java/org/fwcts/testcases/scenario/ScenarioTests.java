package org.fwcts.testcases.scenario;

import org.fwcts.model.explore.ffa.FfaAreas;
import org.fwcts.model.explore.rmm.RmmAreas;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.fwcts.harness.explore.ActionSource;
import org.fwcts.harness.explore.DivergenceReport;
import org.fwcts.harness.explore.Scenario;
import org.fwcts.harness.explore.ScenarioFiles;
import org.fwcts.harness.explore.SequenceResult;
import org.fwcts.harness.explore.SequenceRunner;
import org.fwcts.harness.explore.StepOutcome;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.Generators;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.RequiresFfa;
import org.fwcts.testcases.support.TargetUnresponsiveException;
import org.fwcts.testcases.support.TestRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The sequences {@code fwcts explore} found and shrank, saved as scenario files, each replayed on
 * a fresh boot with every step checked: a deviation once found stays found. The files come from
 * the catalogue's own folder, or from the folders the {@code fwcts.scenarios} system property names
 * ({@code fwcts run --scenarios DIR}). The scenarios are FF-A sequences today, so they carry the
 * {@code ffa} tag too and are skipped with the FF-A tests where FF-A is absent.
 */
@ConformanceTest
@RequiresFfa
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
    void replays(Path file, TestRun run, FfaFirmware ffa) {
        // A malformed file is an error of the run's input: the test breaks with the file and field named.
        Scenario scenario = ScenarioFiles.read(file, FfaAreas.all());
        run.relaunchNow("scenario " + scenario.name() + " on a fresh boot");
        long scratch = run.descriptor().ffa().orElseThrow(() -> new TestAbortedException(
                "the target descriptor gives no ffa.scratchBase: scenarios need scratch memory")).scratchBase();
        ExploreContext context = new ExploreContext(ffa.model().topology(), scratch);
        SequenceResult result = new SequenceRunner(FfaAreas.all()).run(run.pipeline(), run.agents(), context,
                ActionSource.replay(scenario.actions()));
        if (result.setupFailure().isPresent()) {
            throw new TargetUnresponsiveException(result.setupFailure().get());
        }
        Optional<StepOutcome> divergence = result.divergence();
        if (divergence.isEmpty()) {
            return;
        }
        String report = "scenario " + scenario.name() + " (" + scenario.origin() + ")\n"
                + DivergenceReport.sequence(result);
        if (divergence.get().verdict() == org.fwcts.harness.compare.Verdict.UNKNOWN) {
            throw new TargetUnresponsiveException(report);
        }
        throw new AssertionFailedError(report);
    }
}
