package org.fwcts.targets.board;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.fwcts.targets.TargetException;

/**
 * A secret a descriptor names but never contains: the value of an environment variable, or the
 * first line of a file kept outside the descriptor. {@link #toString()} names the source only,
 * so the value never reaches a log, an error or a report.
 *
 * @param variable the environment variable holding the secret, or null
 * @param file the file holding it, or null
 */
public record Credential(String variable, Path file) {

    /** The secret, read now; fails with how to provide it when it is missing. */
    public String value() {
        if (variable != null) {
            return Optional.ofNullable(System.getenv(variable)).filter(v -> !v.isBlank())
                    .orElseThrow(() -> new TargetException("credential: set environment variable " + variable));
        }
        try {
            return Files.readAllLines(file).stream().findFirst().map(String::trim).filter(v -> !v.isEmpty())
                    .orElseThrow(() -> new TargetException("credential: " + file + " is empty"));
        } catch (IOException e) {
            throw new TargetException("credential: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return variable != null ? "environment variable " + variable : "file " + file;
    }
}
