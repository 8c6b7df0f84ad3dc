package org.fwcts.testcases.cli;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.fwcts.targets.ProjectLayout;
import org.junit.platform.launcher.Launcher;

/**
 * What every run of the suite needs before it knows its target or selection: JUnit's launcher (its
 * engines found and started) and the catalogue's test index. For the commands that run the suite
 * they are made on a thread of their own from the process's first moment, while the main thread
 * builds and parses the command line (a tenth of a second of a short run's start); the run then
 * takes them ready, or makes them itself when they were not made ahead.
 */
final class SuiteAhead {
    /** The commands that run the suite through {@link SuiteRunner}. */
    private static final Set<String> SUITE_COMMANDS = Set.of("run", "bench-suite");
    private static volatile Ahead ahead;

    /** The launcher and index made ahead, for the index file they were read from. */
    private record Ahead(CompletableFuture<Launcher> launcher, Path indexFile, CompletableFuture<TestIndex> index) {
    }

    private SuiteAhead() {
    }

    /** Starts making them when {@code args} name a command that runs the suite. */
    static void startFor(String... args) {
        if (args.length == 0 || !SUITE_COMMANDS.contains(args[0])) {
            return;
        }
        Path indexFile;
        try {
            indexFile = indexFile(ProjectLayout.discover());
        } catch (RuntimeException e) {
            return; // the command reports a missing checkout itself
        }
        CompletableFuture<Launcher> launcher = new CompletableFuture<>();
        CompletableFuture<TestIndex> index = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            complete(launcher, RunLauncher::create);
            complete(index, () -> TestIndex.load(indexFile));
        }, "fwcts-suite-ahead");
        thread.setDaemon(true);
        thread.start();
        ahead = new Ahead(launcher, indexFile, index);
    }

    /** JUnit's launcher for a run: the one made ahead when there is one (it serves any number of runs). */
    static Launcher launcher() {
        Ahead made = ahead;
        Launcher launcher = made == null ? null : made.launcher().exceptionally(e -> null).join();
        return launcher != null ? launcher : RunLauncher.create();
    }

    /** The test index of {@code layout}: the one read ahead when it is that layout's, else read now. */
    static TestIndex index(ProjectLayout layout) {
        Path file = indexFile(layout);
        Ahead made = ahead;
        if (made != null && made.indexFile().equals(file)) {
            TestIndex index = made.index().exceptionally(e -> null).join();
            if (index != null) {
                return index;
            }
        }
        return TestIndex.load(file);
    }

    /** The catalogue's test index, kept between runs under the project's .fwcts folder. */
    static Path indexFile(ProjectLayout layout) {
        return layout.root().resolve(".fwcts").resolve("test-index.tsv");
    }

    private static <T> void complete(CompletableFuture<T> future, Supplier<T> make) {
        try {
            future.complete(make.get());
        } catch (RuntimeException | Error e) {
            // Made again, on the run's own thread, where its error is reported.
            future.completeExceptionally(e);
        }
    }
}
