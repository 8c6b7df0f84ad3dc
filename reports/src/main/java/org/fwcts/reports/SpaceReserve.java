package org.fwcts.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Disk space a run sets aside in its folder when it starts and gives back just before it writes
 * its summary, so a disk that fills during the run still takes the summary saying so.
 */
final class SpaceReserve {
    static final String FILE = RunFiles.RESERVE;
    /** Several times the summary files of a few hundred tests. */
    static final int BYTES = 2 << 20;

    private final Path file;

    private SpaceReserve(Path file) {
        this.file = file;
    }

    static SpaceReserve take(Path runDir) {
        Path file = runDir.resolve(FILE);
        try {
            Files.createDirectories(runDir);
            // Written out, not sparse: a hole would reserve nothing.
            Files.write(file, new byte[BYTES]);
            return new SpaceReserve(file);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Reported below.
            }
            throw new UncheckedIOException("cannot set aside " + (BYTES >> 20) + " MiB for the summary in " + runDir
                    + ": " + ResultJournal.reason(e), e);
        }
    }

    void release() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Nothing to give back then; the summary's own write reports any lack of space.
        }
    }
}
