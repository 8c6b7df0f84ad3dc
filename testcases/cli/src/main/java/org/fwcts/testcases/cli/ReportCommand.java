package org.fwcts.testcases.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.fwcts.reports.StoredRun;
import org.fwcts.reports.allure.AllureHistoryStore;
import org.fwcts.reports.allure.AllureReportGenerator;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fwcts report}: the Allure HTML report of runs, offline, with trends across runs. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Build the Allure HTML report of runs (default: the latest): <run>/allure-report.html, one file"
                + " to hand over, and <run>/allure-report/. Trend charts cover the runs reported before, per target.")
final class ReportCommand implements Callable<Integer> {
    /** The report as one self-contained file, beside the run's other reports. */
    static final String SINGLE_FILE = org.fwcts.reports.RunFiles.ALLURE_REPORT_HTML;
    static final String FOLDER = org.fwcts.reports.RunFiles.ALLURE_REPORT;

    @Parameters(arity = "0..*", paramLabel = "RUN", description = "Run folders or run IDs under reports/. Default: the latest run.")
    List<String> runs = new ArrayList<>();

    @Option(names = "--history", paramLabel = "DIR",
            description = "Where report history is kept. Default: reports/allure-history/<target>.")
    Path history;

    @Option(names = "--allure", paramLabel = "DIR", description = "An unpacked allure-commandline distribution."
            + " Default: the one the build unpacked.")
    Path allure;

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.discover();
        RunFolders folders = new RunFolders(layout);
        List<StoredRun> stored = new ArrayList<>();
        if (runs.isEmpty()) {
            stored.add(StoredRun.read(folders.latest()));
        }
        runs.forEach(run -> stored.add(StoredRun.read(folders.resolve(run))));
        stored.forEach(ReportCommand::requireResults);
        AllureReportGenerator generator = allure != null ? new AllureReportGenerator(allure)
                : AllureReportGenerator.under(buildDir().resolve("allure-commandline"));
        // Oldest first, so each report's trend includes the runs before it.
        stored.sort(Comparator.comparing(StoredRun::started));
        for (StoredRun run : stored) {
            AllureHistoryStore store = new AllureHistoryStore(history != null ? history
                    : layout.reportsDir().resolve("allure-history").resolve(run.targetName()));
            report(run, generator, store);
        }
        return 0;
    }

    private static void requireResults(StoredRun run) {
        if (!Files.isDirectory(run.dir().resolve(org.fwcts.reports.RunFiles.ALLURE_RESULTS))) {
            throw new TargetException(run.dir() + ": no allure-results/ to build a report from");
        }
    }

    private static void report(StoredRun run, AllureReportGenerator generator, AllureHistoryStore store) {
        Path results = run.dir().resolve(org.fwcts.reports.RunFiles.ALLURE_RESULTS);
        Path folder = run.dir().resolve(FOLDER);
        store.prime(results);
        generator.folder(results, folder);
        boolean newest = store.record(folder, run.runId(), run.started());
        try {
            Path single = Files.createTempDirectory(run.dir(), "allure-single");
            generator.singleFile(results, single);
            Files.move(single.resolve("index.html"), run.dir().resolve(SINGLE_FILE), StandardCopyOption.REPLACE_EXISTING);
            Files.delete(single);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot place " + SINGLE_FILE + " in " + run.dir(), e);
        }
        System.out.printf("%s: %s (one file) and %s/ — trend over %d run(s)%s%n", run.runId(), run.dir().resolve(SINGLE_FILE),
                folder, trendLength(folder), newest ? ", history kept in " + store.dir() : "");
    }

    /** How many runs the report's trend chart shows. */
    private static int trendLength(Path report) {
        Path trend = report.resolve(AllureHistoryStore.HISTORY).resolve("history-trend.json");
        try {
            return Files.isRegularFile(trend) ? new ObjectMapper().readTree(trend.toFile()).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The folder the CLI's classes were loaded from lives in: {@code testcases/cli/target}. */
    private static Path buildDir() {
        try {
            return Path.of(ReportCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the FWCTS build", e);
        }
    }
}
