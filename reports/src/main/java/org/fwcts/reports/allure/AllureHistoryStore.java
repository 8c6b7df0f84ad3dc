package org.fwcts.reports.allure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Keeps Allure's {@code history/} between reports, so each report's trend charts include the
 * runs reported before it.
 *
 * <p>The store holds the history of the newest run reported so far. A run's results take a
 * copy of it the first time the run is reported and keep that copy, so reporting a run again
 * (or an older run after a newer one) shows the same trend as the first time and does not
 * count the run twice.
 */
public final class AllureHistoryStore {
    public static final String HISTORY = "history";
    private static final String LAST_RUN = "last-run.txt";
    private final Path dir;

    public AllureHistoryStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Gives {@code results} the stored history, unless they already have the one they were first reported with. */
    public void prime(Path results) {
        Path target = results.resolve(HISTORY);
        if (Files.isDirectory(target)) {
            return;
        }
        copyFiles(dir.resolve(HISTORY), target);
    }

    /**
     * Stores {@code report}'s history when the run started after the last run stored.
     *
     * @return true when the store now holds this run's history
     */
    public boolean record(Path report, String runId, Instant started) {
        Path last = dir.resolve(LAST_RUN);
        try {
            if (Files.isRegularFile(last)) {
                String[] fields = Files.readString(last, StandardCharsets.UTF_8).strip().split(" ", 2);
                Instant lastStarted = Instant.parse(fields[0]);
                if (!started.isAfter(lastStarted)) {
                    return fields.length > 1 && fields[1].equals(runId);
                }
            }
            copyFiles(report.resolve(HISTORY), dir.resolve(HISTORY));
            Files.writeString(last, started + " " + runId + "\n", StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the report history in " + dir, e);
        } catch (java.time.DateTimeException e) {
            throw new IllegalStateException(last + ": damaged (expected '<instant> <run id>'); delete it to start the history anew", e);
        }
    }

    private static void copyFiles(Path from, Path to) {
        try {
            Files.createDirectories(to);
            if (!Files.isDirectory(from)) {
                return;
            }
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the report history from " + from + " to " + to, e);
        }
    }
}
