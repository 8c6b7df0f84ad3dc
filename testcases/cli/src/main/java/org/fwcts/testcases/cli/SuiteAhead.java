package org.fwcts.testcases.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.testcases.support.TestRuns;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestPlan;

/**
 * What a run of the suite needs before picocli has parsed its command line: JUnit's launcher (its
 * engines found and started), the catalogue's test index and, when the command line reads plainly
 * ({@link EarlySelection}), the discovery of the tests it selects. For the commands that run the
 * suite they are made on a thread of their own from the process's first moment, while the main
 * thread builds and parses the command line (a tenth of a second of a short run's start); the run
 * then takes them ready, or makes them itself when they were not made ahead or its selection is
 * another.
 */
final class SuiteAhead {
    /** The commands that run the suite through {@link SuiteRunner}. */
    private static final Set<String> SUITE_COMMANDS = Set.of("run", "bench-suite");
    private static volatile Ahead ahead;

    /** The launcher and index made ahead, for the index file they were read from, and the early discovery if any. */
    private record Ahead(CompletableFuture<Launcher> launcher, Path indexFile, CompletableFuture<TestIndex> index,
            Optional<EarlyDiscovery> discovery) {
    }

    /** A discovery begun ahead: its selection, the run key it was made with, and its plan. */
    record EarlyDiscovery(SuiteSelection selection, String runKey, CompletableFuture<TestPlan> plan) {
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
        Optional<EarlyDiscovery> discovery = EarlySelection.of(args).map(selection ->
                new EarlyDiscovery(selection, TestRuns.newId(), new CompletableFuture<>()));
        Thread thread = new Thread(() -> {
            complete(launcher, RunLauncher::create);
            complete(index, () -> TestIndex.load(indexFile));
            discovery.ifPresent(early -> complete(early.plan(), () -> {
                TestPlan plan = launcher.join().discover(early.selection().request(
                        Map.of(TestRuns.PARAMETER, early.runKey()), List.of(), index.join()));
                StartupPhases.mark("discovery's own thread done");
                return plan;
            }));
        }, "fwcts-suite-ahead");
        thread.setDaemon(true);
        thread.start();
        ahead = new Ahead(launcher, indexFile, index, discovery);
    }

    /**
     * The discovery begun ahead for {@code selection}, taken once: a run that takes it opens its
     * tests under its run key. Empty when none was begun, or for another selection.
     */
    static synchronized Optional<EarlyDiscovery> discoveryFor(SuiteSelection selection) {
        Ahead made = ahead;
        if (made == null || made.discovery().isEmpty() || !made.discovery().get().selection().equals(selection)) {
            return Optional.empty();
        }
        ahead = new Ahead(made.launcher(), made.indexFile(), made.index(), Optional.empty());
        return made.discovery();
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
