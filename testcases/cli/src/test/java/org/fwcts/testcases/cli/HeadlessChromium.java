package org.fwcts.testcases.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.fwcts.targets.Executables;

/**
 * Debian's Chromium, headless, as a person's browser: it renders a page (running its scripts
 * for a bounded virtual time) and gives back the DOM or a screenshot. Each call uses a fresh
 * profile and stays off the network.
 */
final class HeadlessChromium {
    private static final long TIMEOUT_SECONDS = 90;
    /** Virtual time the page's scripts get before the DOM or screenshot is taken. */
    private static final String SCRIPT_BUDGET_MILLIS = "10000";
    private final Path binary;
    private final Path work;

    private HeadlessChromium(Path binary, Path work) {
        this.binary = binary;
        this.work = work;
    }

    /** Chromium from PATH ({@code chromium}, as ./fwcts installs it), or empty when it is not installed. */
    static Optional<HeadlessChromium> find(Path work) {
        return Executables.find("chromium").or(() -> Executables.find("chromium-browser")).map(b -> new HeadlessChromium(b, work));
    }

    /** The DOM of {@code url} after its scripts ran, serialised as HTML. */
    String dumpDom(String url) throws IOException, InterruptedException {
        Path dom = work.resolve("dom-" + System.nanoTime() + ".html");
        run(List.of("--dump-dom", url), dom);
        return Files.readString(dom, StandardCharsets.UTF_8);
    }

    /** A PNG screenshot of {@code url} in a window of the given size. */
    Path screenshot(String url, int width, int height) throws IOException, InterruptedException {
        Path png = work.resolve("screenshot-" + System.nanoTime() + ".png");
        run(List.of("--screenshot=" + png, "--window-size=" + width + "," + height, "--hide-scrollbars", url), null);
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("chromium wrote no screenshot to " + png);
        }
        return png;
    }

    private void run(List<String> what, Path stdout) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=" + SCRIPT_BUDGET_MILLIS));
        command.addAll(what);
        Path log = work.resolve("chromium-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.redirectOutput(stdout == null ? log.resolveSibling(log.getFileName() + ".out").toFile() : stdout.toFile());
        Process chromium = builder.start();
        if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within " + TIMEOUT_SECONDS + " s; its log: " + log);
        }
        if (chromium.exitValue() != 0) {
            throw new IllegalStateException("chromium exited with " + chromium.exitValue() + ":\n" + Files.readString(log));
        }
    }
}
