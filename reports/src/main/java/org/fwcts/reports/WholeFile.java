package org.fwcts.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes report files whole or not at all: the content goes to a temporary file beside the
 * target, which then replaces the target. A full disk leaves the previous file (or none), never
 * an empty or cut one.
 */
final class WholeFile {
    private WholeFile() {
    }

    static void write(Path file, byte[] content) {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".partial");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(temporary, content);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // The write's own error below is what matters.
            }
            throw new UncheckedIOException("cannot write " + file + ": " + ResultJournal.reason(e), e);
        }
    }
}
