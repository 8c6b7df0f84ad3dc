package org.fwcts.targets.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.fwcts.targets.TargetException;

/**
 * Asks a QEMU binary its version ({@code --version}), once per binary file and modification time:
 * a descriptor's profile, the launcher's minimum-version check and the doctor all want it, and a
 * binary replaced by an upgrade is asked again. QEMU takes about 0.2 s to answer (it loads its
 * libraries first), so a launcher asks ahead, while the run prepares, and the launch takes the answer.
 */
final class QemuVersionProbe {
    private static final long TIMEOUT_SECONDS = 10;
    /** More than any version banner; the rest of an unexpected flood is not read. */
    private static final int MAX_OUTPUT = 4096;
    private static final Map<String, CompletableFuture<QemuVersion>> CACHE = new ConcurrentHashMap<>();

    private QemuVersionProbe() {
    }

    /**
     * The version of {@code binary}, an existing executable.
     *
     * @throws TargetException when it does not run or does not print a QEMU version
     */
    static QemuVersion of(Path binary) {
        String key = key(binary);
        CompletableFuture<QemuVersion> answer = answer(key, binary, Runnable::run);
        try {
            return answer.join();
        } catch (CompletionException e) {
            CACHE.remove(key, answer); // a binary that failed to answer is asked again next time
            throw e.getCause() instanceof RuntimeException cause ? cause : e; // its own error, as when asked here
        }
    }

    /** Starts asking {@code binary} on a thread of its own; {@link #of} then waits for that answer instead of asking. */
    static void askAhead(Path binary) {
        answer(key(binary), binary, task -> {
            Thread thread = new Thread(task, "fwcts-qemu-version");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The answer for {@code binary}: the one asked for before, else a question put by {@code executor}. */
    private static CompletableFuture<QemuVersion> answer(String key, Path binary, Executor executor) {
        return CACHE.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> ask(binary), executor));
    }

    private static String key(Path binary) {
        return binary.toAbsolutePath() + "@" + modified(binary);
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
