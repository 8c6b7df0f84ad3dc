package org.fwcts.reports.allure;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Allure's report generator (the {@code allure-commandline} distribution from Maven
 * Central, unpacked by the build) in a child JVM. It needs no network and no Node.js.
 */
public final class AllureReportGenerator {
    private static final long TIMEOUT_MINUTES = 5;
    private final Path distribution;
    private final Path javaLauncher;

    /**
     * @param distribution the unpacked distribution: the folder holding {@code bin/} and {@code lib/}
     */
    public AllureReportGenerator(Path distribution) {
        if (!Files.isDirectory(distribution.resolve("lib"))) {
            throw new IllegalArgumentException(distribution + ": not an Allure commandline distribution (no lib/);"
                    + " ./fwcts build unpacks it");
        }
        this.distribution = distribution;
        this.javaLauncher = Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Finds the one distribution unpacked under {@code folder} (e.g. {@code allure-2.34.1}).
     *
     * @throws IllegalArgumentException when there is none
     */
    public static AllureReportGenerator under(Path folder) {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> children = Files.list(folder)) {
                var found = children.filter(dir -> Files.isDirectory(dir.resolve("lib"))).sorted().reduce((a, b) -> b);
                if (found.isPresent()) {
                    return new AllureReportGenerator(found.get());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
        }
        throw new IllegalArgumentException(folder + ": the Allure report generator is not unpacked here; run ./fwcts build");
    }

    public Path distribution() {
        return distribution;
    }

    /** Generates the report folder {@code output} (replacing it) from {@code results}: an {@code index.html} with its data and {@code history/}. */
    public void folder(Path results, Path output) {
        run(results, output, false);
    }

    /** Generates {@code output/index.html}, the whole report in one file that opens without a server. */
    public void singleFile(Path results, Path output) {
        run(results, output, true);
    }

    private void run(Path results, Path output, boolean singleFile) {
        List<String> command = new ArrayList<>(List.of(javaLauncher.toString(), "-cp",
                distribution.resolve("lib") + File.separator + "*" + File.pathSeparator + distribution.resolve("lib/config"),
                "io.qameta.allure.CommandLine", "generate", "--clean"));
        if (singleFile) {
            command.add("--single-file");
        }
        command.addAll(List.of(results.toString(), "-o", output.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The generator finds its plugins and configuration through APP_HOME, as its own launcher sets it.
        builder.environment().put("APP_HOME", distribution.toString());
        try {
            Path log = Files.createTempFile("fwcts-allure", ".log");
            try {
                Process process = builder.redirectOutput(log.toFile()).start();
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the Allure report generator took more than " + TIMEOUT_MINUTES + " minutes");
                }
                if (process.exitValue() != 0 || !Files.isRegularFile(output.resolve("index.html"))) {
                    throw new IllegalStateException("the Allure report generator failed (exit " + process.exitValue() + "):\n"
                            + Files.readString(log, StandardCharsets.UTF_8).strip());
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the Allure report generator", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the Allure report", e);
        }
    }
}
