package org.fwcts.testcases.scenario;

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
import org.fwcts.harness.explore.rmm.RealmAgentImage;
import org.fwcts.harness.explore.rmm.RmmStepExecutor;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.explore.rmm.RmmAreas;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.RequiresRmm;
import org.fwcts.testcases.support.TestRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * The RMM sequences {@code fwcts explore} found and shrank, replayed like {@link ScenarioTests}'
 * FF-A ones: on a fresh boot, every call judged, from the same folders. A file whose steps are RMM
 * areas is replayed here, every other one there. The catalogue's folder holds none yet (the TF-RMM
 * deviation explore found is in {@code scenarios-tf-rmm}, replayed with {@code --scenarios}), so the
 * RMM catalogue's own runs are the hand-written tests.
 */
@ConformanceTest
@RequiresRmm
@Tag("rmm")
@Tag("scenario")
@DisplayName("Saved explore scenarios (RMM)")
class RmmScenarioTests {

    static Stream<Named<Path>> scenarios() {
        List<Path> files = new ArrayList<>();
        try {
            for (Path folder : ScenarioTests.folders()) {
                files.addAll(ScenarioFiles.list(folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.stream().filter(file -> ScenarioFiles.reads(file, RmmAreas.all()))
                .map(file -> Named.of(file.getFileName().toString(), file));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("scenarios")
    @DisplayName("replays without a divergence")
    void replays(Path file, TestRun run) {
        Scenario scenario = ScenarioFiles.read(file, RmmAreas.all());
        long scratch = run.descriptor().ffa().orElseThrow(() -> new TestAbortedException(
                "the target descriptor gives no ffa.scratchBase: RMM scenarios need scratch granules")).scratchBase();
        byte[] image;
        try {
            image = RealmAgentImage.of(run.descriptor(), ProjectLayout.discover());
        } catch (IllegalArgumentException e) {
            throw new TestAbortedException("no realm agent image: " + e.getMessage());
        }
        run.relaunchNow("scenario " + scenario.name() + " on a fresh boot");
        ExploreContext context = RmmStepExecutor.context(run.pipeline().model(), scratch);
        SequenceResult result = new SequenceRunner(RmmAreas.all(), RmmStepExecutor.of(scratch, image))
                .run(run.pipeline(), run.agents(), context, ActionSource.replay(scenario.actions()));
        ScenarioVerdict.raise(scenario, result);
    }
}
