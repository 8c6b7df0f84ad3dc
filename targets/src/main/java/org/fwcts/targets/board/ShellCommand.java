package org.fwcts.targets.board;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fwcts.targets.ProcessReaper;
import org.fwcts.targets.TargetException;

/**
 * A command line from a descriptor, run by {@code /bin/sh -c} with {@code {name}} placeholders
 * replaced by shell-quoted values, within a deadline. A non-zero exit or a timeout is an error
 * that names the descriptor field and shows the command's last output.
 *
 * @param field the descriptor field the command came from, for errors
 * @param template the command with placeholders
 * @param timeout how long it may run
 */
public record ShellCommand(String field, String template, Duration timeout) {
    private static final int OUTPUT_SHOWN = 2000;
    private static final long DRAIN_MILLIS = 500;

    /** Runs the command with {@code values} substituted; returns what it printed. */
    public String run(Map<String, String> values) {
        String command = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            command = command.replace("{" + value.getKey() + "}", quoted(value.getValue()));
        }
        try {
            // Not tracked by the reaper: a power-on command may leave a daemon running on purpose.
            Process process = new ProcessBuilder(List.of("/bin/sh", "-c", command)).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            var output = new java.io.ByteArrayOutputStream();
            Thread drain = new Thread(() -> {
                try {
                    process.getInputStream().transferTo(output);
                } catch (IOException e) {
                    // The command ended; what it printed is kept.
                }
            }, "command-output");
            drain.setDaemon(true);
            drain.start();
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                ProcessReaper.stop(process);
            }
            // A daemon the command started may hold the output open: do not wait for it.
            drain.join(DRAIN_MILLIS);
            String printed = tail(output.toString(StandardCharsets.UTF_8));
            if (!ended) {
                throw new TargetException(field + ": command did not finish within " + timeout.toSeconds() + " s: "
                        + template + printedSuffix(printed));
            }
            if (process.exitValue() != 0) {
                throw new TargetException(field + ": command exited with " + process.exitValue() + ": " + template
                        + printedSuffix(printed));
            }
            return printed;
        } catch (IOException e) {
            throw new TargetException(field + ": cannot run /bin/sh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException(field + ": interrupted while running: " + template, e);
        }
    }

    private static String printedSuffix(String printed) {
        return printed.isBlank() ? "" : "\n" + printed;
    }

    private static String tail(String text) {
        return text.length() <= OUTPUT_SHOWN ? text : "…" + text.substring(text.length() - OUTPUT_SHOWN);
    }

    /** POSIX single quotes: nothing inside is special. */
    static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
