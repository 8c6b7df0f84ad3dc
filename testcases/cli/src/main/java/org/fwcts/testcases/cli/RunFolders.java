package org.fwcts.testcases.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.fwcts.reports.StoredRun;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetException;

/** Finds run folders named on the command line: a path, or a run ID under {@code reports/}. */
final class RunFolders {
    private final ProjectLayout layout;

    RunFolders(ProjectLayout layout) {
        this.layout = layout;
    }

    /** The folder {@code name} means: itself when it is a folder, else {@code reports/<name>}. */
    Path resolve(String name) {
        Path given = Path.of(name);
        if (Files.isDirectory(given)) {
            return given.toAbsolutePath().normalize();
        }
        Path underReports = layout.reportsDir().resolve(name);
        if (Files.isDirectory(underReports)) {
            return underReports;
        }
        throw new TargetException("no run folder '" + name + "' (neither a folder nor a run in " + layout.reportsDir() + ")");
    }

    /** The run under {@code reports/} whose results were written last. */
    Path latest() {
        try (Stream<Path> runs = Files.list(layout.reportsDir())) {
            return runs.filter(dir -> Files.isRegularFile(dir.resolve(StoredRun.JOURNAL)))
                    .max(Comparator.comparing(RunFolders::journalTime))
                    .orElseThrow(() -> new TargetException("no runs in " + layout.reportsDir() + " yet; ./fwcts run makes one"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + layout.reportsDir(), e);
        }
    }

    private static long journalTime(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve(StoredRun.JOURNAL)).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
