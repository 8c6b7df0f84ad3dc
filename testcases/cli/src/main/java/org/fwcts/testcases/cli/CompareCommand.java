package org.fwcts.testcases.cli;

import java.util.concurrent.Callable;
import org.fwcts.reports.StoredRun;
import org.fwcts.reports.compare.RunComparison;
import org.fwcts.targets.ProjectLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fwcts compare}: what changed between a baseline run and a newer one. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "List new failures, fixed tests, tests that went from pass to broken, and tests flaky in RUN_B."
                + " Exit 0: no regressions; 1: new failures or pass-to-broken; 2: a run cannot be read.")
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The baseline run: a folder or a run ID under reports/.")
    String baseline;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The newer run.")
    String newer;

    @Override
    public Integer call() {
        RunFolders folders = new RunFolders(ProjectLayout.discover());
        RunComparison comparison = RunComparison.of(StoredRun.read(folders.resolve(baseline)),
                StoredRun.read(folders.resolve(newer)));
        System.out.print(comparison.describe());
        return comparison.exitCode();
    }
}
