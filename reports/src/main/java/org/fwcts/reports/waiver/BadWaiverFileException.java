package org.fwcts.reports.waiver;

import java.nio.file.Path;

/** A waiver file that cannot be used; the message names the file and the field at fault. */
public class BadWaiverFileException extends RuntimeException {

    BadWaiverFileException(Path file, String field, String problem) {
        super(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    }

    BadWaiverFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
