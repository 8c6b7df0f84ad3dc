package org.fwcts.testcases.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fwcts.reports.ProgressPrinter;
import org.fwcts.reports.waiver.WaiverFile;
import org.fwcts.reports.waiver.Waivers;
import org.fwcts.targets.ProjectLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fwcts run}: the conformance suite on one target. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Boot a target and run conformance tests against it. Exit 0: all passed (waived failures"
                + " included); 1: conformance failures; 2: harness, target or input error.")
final class RunCommand implements Callable<Integer> {

    /** How progress is shown: decided by the terminal, or forced. */
    enum Progress { AUTO, LIVE, PLAIN }

    @Option(names = {"-t", "--target"}, defaultValue = "qemu-virt",
            description = "Target name (a file in targets/) or descriptor path. Default: ${DEFAULT-VALUE}.")
    String target;

    @Option(names = "--tag", description = "Run tests matching this tag expression (repeatable), e.g. psci or 'smccc & !ffa'.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--test", description = "Run tests whose class, method or name contains this text (repeatable).")
    List<String> names = new ArrayList<>();

    @Option(names = {"-o", "--output"}, description = "Run folder (must not exist). Default: reports/<date-time>-<target>.")
    Path output;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Finish an interrupted run in its folder: tests it finished are kept, the rest run now."
                    + " Takes the run's target and selection from it.")
    Path resume;

    @Option(names = "--boot-per-test",
            description = "Boot the target afresh before every test, to measure what shared boots save.")
    boolean bootPerTest;

    @Option(names = "--waivers", paramLabel = "FILE", description = "Waiver file (YAML): accepted deviations the summary applies.")
    Path waiverFile;

    @Option(names = "--progress", defaultValue = "auto",
            description = "auto (a live line on a terminal, plain lines elsewhere), live or plain. Default: ${DEFAULT-VALUE}.")
    Progress progress;

    @Option(names = "--scenarios", paramLabel = "PATH",
            description = "Scenario files (a folder of .yaml or one file) that the scenario tests replay instead of the"
                    + " catalogue's own (see fwcts explore).")
    Path scenarios;

    @Spec
    CommandSpec spec;

    @Option(names = "--inject-faults", paramLabel = "RATE[:SEED]", hidden = true,
            description = "Self-test of the harness: damage this fraction of console lines (seeded, reproducible).")
    String injectFaults;

    @Override
    public Integer call() {
        Waivers waivers = waiverFile == null ? Waivers.none() : WaiverFile.load(waiverFile, ModelRules::known);
        ProgressPrinter.Mode mode = switch (progress) {
            case AUTO -> ProgressPrinter.Mode.detect();
            case LIVE -> ProgressPrinter.Mode.LIVE;
            case PLAIN -> ProgressPrinter.Mode.PLAIN;
        };
        if (scenarios != null) {
            ScenarioOption.check(spec, scenarios);
        }
        String previous = System.getProperty(ScenarioOption.PROPERTY);
        try {
            if (scenarios != null) {
                System.setProperty(ScenarioOption.PROPERTY, scenarios.toAbsolutePath().toString());
            }
            return run(waivers, mode);
        } finally {
            if (previous == null) {
                System.clearProperty(ScenarioOption.PROPERTY);
            } else {
                System.setProperty(ScenarioOption.PROPERTY, previous);
            }
        }
    }

    private int run(Waivers waivers, ProgressPrinter.Mode mode) {
        SuiteRunner runner = new SuiteRunner(ProjectLayout.discover(), System.out, Clock.systemDefaultZone(), mode);
        runner.injectFaults(FaultOption.parse(injectFaults));
        if (resume != null) {
            if (!tags.isEmpty() || !names.isEmpty() || output != null || bootPerTest) {
                throw new org.fwcts.targets.TargetException("--resume takes the target and selection from the run folder:"
                        + " give no --tag, --test, --output or --boot-per-test with it");
            }
            return runner.resume(resume, waivers).exitCode();
        }
        return runner.run(target, new SuiteSelection(tags, names), output, waivers, bootPerTest).exitCode();
    }
}
