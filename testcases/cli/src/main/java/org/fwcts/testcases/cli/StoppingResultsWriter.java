package org.fwcts.testcases.cli;

import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fwcts.reports.RunStop;

/**
 * Writes Allure results into the run's folder. A write that fails (a full disk) removes what it
 * left of its file and stops the run; once the run has stopped nothing more is written, so the
 * Allure results hold the same tests as the journal.
 */
final class StoppingResultsWriter implements AllureResultsWriter {
    private final Path dir;
    private final FileSystemResultsWriter files;
    private final RunStop stop;

    StoppingResultsWriter(Path dir, RunStop stop) {
        this.dir = dir;
        this.files = new FileSystemResultsWriter(dir);
        this.stop = stop;
    }

    @Override
    public void write(TestResult result) {
        guarded(result.getUuid() + "-result.json", () -> files.write(result));
    }

    @Override
    public void write(TestResultContainer container) {
        guarded(container.getUuid() + "-container.json", () -> files.write(container));
    }

    @Override
    public void write(String source, InputStream attachment) {
        guarded(source, () -> files.write(source, attachment));
    }

    private void guarded(String fileName, Runnable write) {
        if (stop.stopped()) {
            return;
        }
        try {
            write.run();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            stop.stop("cannot write Allure results into " + dir + ": " + cause.getMessage());
            try {
                Files.deleteIfExists(dir.resolve(fileName));
            } catch (IOException ignored) {
                // A torn result file is skipped by the report generator; the stop above is what counts.
            }
        }
    }
}
