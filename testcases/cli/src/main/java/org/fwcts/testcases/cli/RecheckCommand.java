package org.fwcts.testcases.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fwcts.harness.pipeline.CallHistory;
import org.fwcts.harness.pipeline.HistoryLine;
import org.fwcts.harness.pipeline.Recheck;
import org.fwcts.harness.session.TargetProfiles;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.reports.RunFiles;
import org.fwcts.reports.StoredRun;
import org.fwcts.reports.TestRecord;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.TargetCatalog;
import org.fwcts.targets.descriptor.TargetDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fwcts recheck}: judges a finished run again from its call history, offline, with the current model. */
@Command(name = "recheck", mixinStandardHelpOptions = true,
        description = "Judge a finished run again from its calls.jsonl with the current model (no target needed),"
                + " write recheck.md and recheck.json beside its summary listing every verdict that changed, and end"
                + " with 'N verdicts changed'. Exit 0 when none changed, 1 when some did, 2 when the run cannot be read.")
final class RecheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", description = "A run folder or a run ID under reports/.")
    String run;

    @Option(names = "--profile", paramLabel = "P", description = "Judge with this profile instead of the run's.")
    String profile;

    @Option(names = "--profile-override", paramLabel = "KEY=VALUE",
            description = "A profile field to set, on top of the descriptor's overrides (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.discover();
        Path dir = new RunFolders(layout).resolve(run);
        RunInvocation invocation = RunInvocation.read(dir);
        // The run's own record of its model; a run written before that was kept needs its descriptor.
        RunInvocation.ModelSetup setup = invocation.model() != null ? invocation.model()
                : RunInvocation.ModelSetup.of(new TargetCatalog(layout.targetsDir()).find(invocation.target()));
        Map<String, String> applied = new LinkedHashMap<>(setup.profileOverrides());
        applied.putAll(overrides);
        String profileName = profile == null ? setup.profile() : profile;
        FirmwareModel model = new FirmwareModel(TargetProfiles.of(dir.resolve(RunInvocation.FILE).toString(), profileName,
                applied, setup.scratch()));
        List<HistoryLine> history;
        Recheck recheck;
        try {
            history = CallHistory.read(dir.resolve(RunFiles.CALLS));
            recheck = Recheck.of(history, model);
        } catch (IllegalArgumentException e) {
            throw new TargetException(e.getMessage().startsWith("line ") ? dir.resolve(RunFiles.CALLS) + ":"
                    + e.getMessage().substring("line ".length()) : e.getMessage(), e);
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (TestRecord record : StoredRun.read(dir).records()) {
            names.put(record.id(), record.name());
        }
        RecheckReport report = new RecheckReport(invocation.runId(), profileName, applied, recheck, names);
        report.write(dir);
        System.out.print(report.text());
        System.out.printf("Summary: %s%n%d verdicts changed%n", dir.resolve(RunFiles.RECHECK_MD), recheck.changes().size());
        return recheck.changes().isEmpty() ? 0 : 1;
    }
}
