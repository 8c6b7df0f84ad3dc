package org.fwcts.testcases.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fwcts.reports.RunSummary;
import org.fwcts.reports.StoredRun;
import org.fwcts.reports.SummaryWriter;
import org.fwcts.reports.waiver.WaiverFile;
import org.fwcts.reports.waiver.Waivers;
import org.fwcts.targets.ProjectLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fwcts summary}: writes a stored run's summary again, with waivers. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Rewrite a run's summary.{json,md,html} from its results, applying a waiver file"
                + " (judged against the run's start date). Exit code as for run.")
final class SummaryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", description = "A run folder or a run ID under reports/.")
    String run;

    @Option(names = "--waivers", paramLabel = "FILE", description = "Waiver file (YAML). Without it, no failure is waived.")
    Path waiverFile;

    @Override
    public Integer call() {
        Path dir = new RunFolders(ProjectLayout.discover()).resolve(run);
        Waivers waivers = waiverFile == null ? Waivers.none() : WaiverFile.load(waiverFile, ModelRules::known);
        RunSummary summary = StoredRun.read(dir).summary(ModelRules.references(), waivers);
        SummaryWriter.write(summary, dir);
        System.out.printf("%s: %s%nSummary: %s%n", summary.runId(), summary.verdictLine(), dir.resolve(org.fwcts.reports.RunFiles.SUMMARY_MD));
        return summary.exitCode();
    }
}
