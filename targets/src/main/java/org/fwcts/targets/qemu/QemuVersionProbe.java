package org.fwcts.targets.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.fwcts.targets.TargetException;

/**
 * Asks a QEMU binary its version ({@code --version}), once per binary file and modification time:
 * a descriptor's profile, the launcher's minimum-version check and the doctor all want it, and a
 * binary replaced by an upgrade is asked again.
 */
final class QemuVersionProbe {
    private static final long TIMEOUT_SECONDS = 10;
    /** More than any version banner; the rest of an unexpected flood is not read. */
    private static final int MAX_OUTPUT = 4096;
    private static final Map<String, QemuVersion> CACHE = new ConcurrentHashMap<>();

    private QemuVersionProbe() {
    }

    /**
     * The version of {@code binary}, an existing executable.
     *
     * @throws TargetException when it does not run or does not print a QEMU version
     */
    static QemuVersion of(Path binary) {
        String key = binary.toAbsolutePath() + "@" + modified(binary);
        return CACHE.computeIfAbsent(key, k -> ask(binary));
    }

    private static String modified(Path binary) {
        try {
            return Files.getLastModifiedTime(binary).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static QemuVersion ask(Path binary) {
        String output;
        try {
            Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            process.getOutputStream().close();
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new TargetException(binary + " --version did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (IOException e) {
            throw new TargetException("cannot run " + binary + " --version: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while asking " + binary + " its version", e);
        }
        return QemuVersion.fromBanner(output).orElseThrow(() -> new TargetException(binary
                + " --version printed no 'QEMU emulator version X.Y.Z' line: " + output.strip().lines().findFirst().orElse("")));
    }
}
