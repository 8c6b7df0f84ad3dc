package org.fwcts.testcases.cli;

import org.fwcts.harness.explore.SequenceRunner;
import org.fwcts.harness.explore.StepExecutor;
import org.fwcts.harness.explore.rmm.RealmAgentImage;
import org.fwcts.harness.explore.rmm.RmmStepExecutor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fwcts.harness.explore.Attribution;
import org.fwcts.harness.explore.Divergence;
import org.fwcts.harness.explore.DivergenceReport;
import org.fwcts.harness.explore.ExploreSession;
import org.fwcts.harness.explore.ExploreStats;
import org.fwcts.harness.explore.Explorer;
import org.fwcts.harness.explore.Scenario;
import org.fwcts.harness.explore.ScenarioFiles;
import org.fwcts.harness.explore.TargetAreas;
import org.fwcts.harness.session.TargetProfiles;
import org.fwcts.model.explore.AreaGenerator;
import org.fwcts.model.explore.AreaSelection;
import org.fwcts.model.explore.Generators;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.profile.Profile;
import org.fwcts.reports.ProgressPrinter;
import org.fwcts.reports.RunFiles;
import org.fwcts.targets.Launchers;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.TargetCatalog;
import org.fwcts.targets.descriptor.TargetDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fwcts explore}: generated call sequences checked step by step, divergences shrunk and saved as scenarios. */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Generate call sequences from the model's state, run them with every step checked (several"
                + " on one boot until one diverges or --boot-calls is reached), shrink each new divergence to a minimal sequence and save it as a scenario."
                + " Exit 0: no divergence; 1: divergences; 2: harness, target or input error.")
final class ExploreCommand implements Callable<Integer> {
    static final String EXPLORE_REPORT = "explore.md";
    static final String SCENARIOS = "scenarios";

    @Option(names = {"-t", "--target"}, defaultValue = "qemu-virt",
            description = "Target name (a file in targets/) or descriptor path; its profile needs an SPMC or an RMM. Default: ${DEFAULT-VALUE}.")
    String target;

    @Option(names = "--area", paramLabel = "AREA[=WEIGHT],...",
            description = "Areas to explore, with optional weights, e.g. memory=3,rxtx (FF-A) or rsi=2,attest (RMM). Default: every area of the target's interface at weight 1.")
    String areas;

    @Option(names = "--seed", defaultValue = "1", description = "Seed: the same seed on the same target gives the same"
            + " sequences. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--calls", paramLabel = "N", description = "Stop after N checked calls. Default: 3000 (when --time is not given).")
    Long calls;

    @Option(names = "--time", paramLabel = "DURATION", description = "Stop after this long: 90s, 10m, 1h.")
    String time;

    @Option(names = "--length", defaultValue = "24", paramLabel = "N",
            description = "The most actions in one sequence. Default: ${DEFAULT-VALUE}.")
    int length;

    @Option(names = "--boot-calls", defaultValue = "240", paramLabel = "N",
            description = "Sequences share a boot while it has made fewer than N steps and none diverged;"
                    + " N <= --length boots afresh for every sequence. Default: ${DEFAULT-VALUE}.")
    int bootCalls;

    @Option(names = "--workers", paramLabel = "N",
            description = "Boots explored at once, each by a thread of its own (only a simulated target has more"
                    + " than one); the sequences and findings do not depend on it. Default: the cores for a"
                    + " simulated target, 1 otherwise.")
    Integer workers;

    @Option(names = "--no-shrink", description = "Report divergences as found, without shrinking them.")
    boolean noShrink;

    @Option(names = "--max-replays", defaultValue = "400", paramLabel = "N",
            description = "The most candidate sequences one shrink runs. Default: ${DEFAULT-VALUE}.")
    int maxReplays;

    @Option(names = {"-o", "--output"}, description = "Run folder (must not exist). Default: reports/<date-time>-explore-<target>.")
    Path output;

    @Option(names = "--save-scenarios", paramLabel = "DIR",
            description = "Also write each shrunk divergence as a scenario here (the catalogue's folder is"
                    + " testcases/catalogue/src/test/resources/scenarios). They are always written to the run folder.")
    Path saveScenarios;

    @Option(names = "--progress", defaultValue = "auto",
            description = "Progress display: auto (live line on a terminal, plain lines elsewhere), live or plain.")
    RunCommand.Progress progress;

    @Spec
    CommandSpec spec;

    private static final long DEFAULT_CALLS = 3000;
    /**
     * Bytes of a call history past which its boots that only passed are left out: about a million
     * calls; a simulated target explores tens of thousands a second.
     */
    static final long HISTORY_LIMIT = 256L << 20;

    @Override
    public Integer call() throws IOException {
        if (calls != null && calls < 1) {
            throw new ParameterException(spec.commandLine(), "--calls: " + calls + " is not a number of calls (1 or more);"
                    + " nothing was booted");
        }
        if (length < 1) {
            throw new ParameterException(spec.commandLine(), "--length: " + length + " is not a sequence length (1 or more);"
                    + " nothing was booted");
        }
        if (bootCalls < 1) {
            throw new ParameterException(spec.commandLine(), "--boot-calls: " + bootCalls + " is not a number of steps"
                    + " (1 or more); nothing was booted");
        }
        if (maxReplays < 0) {
            throw new ParameterException(spec.commandLine(), "--max-replays: " + maxReplays + " is negative; nothing was booted");
        }
        if (workers != null && workers < 1) {
            throw new ParameterException(spec.commandLine(), "--workers: " + workers + " is not a number of workers"
                    + " (1 or more); nothing was booted");
        }
        Duration limit = time == null ? Duration.ofDays(365) : duration(time);
        long callLimit = calls != null ? calls : time != null ? Long.MAX_VALUE : DEFAULT_CALLS;

        ProjectLayout layout = ProjectLayout.discover();
        TargetDescriptor descriptor = new TargetCatalog(layout.targetsDir()).find(target);
        Profile profile = TargetProfiles.of(descriptor);
        FirmwareModel model = new FirmwareModel(profile);
        boolean rmm = TargetAreas.rmmOnly(model);
        List<AreaGenerator> generators = TargetAreas.of(model);
        AreaSelection selection;
        try {
            selection = AreaSelection.parse(areas, generators);
        } catch (IllegalArgumentException e) {
            String unknown = e.getMessage().replaceFirst("^unknown area '([^']*)'.*", "$1");
            String why = TargetAreas.elsewhere(unknown).map(needs -> "area '" + unknown + "' needs " + needs
                    + "; target " + descriptor.name() + " (profile " + profile.name() + ") has no such endpoint (its areas: "
                    + String.join(", ", generators.stream().map(AreaGenerator::area).toList()) + ")")
                    .orElse(e.getMessage());
            throw new ParameterException(spec.commandLine(), "--area: " + why + "; nothing was booted");
        }
        if (profile.ffa().isEmpty() && model.optee().isEmpty() && !rmm) {
            throw new TargetException(descriptor.name() + ": profile " + profile.name() + " has no FF-A system and no RMM:"
                    + " nothing to explore (choose a target with an SPMC or an RMM, e.g. -t simulated-tfa or"
                    + " -t simulated-rmm); nothing was booted");
        }
        if (descriptor.ffa().isEmpty() && model.optee().isEmpty()) {
            throw new TargetException(descriptor.file() + ": ffa.scratchBase: missing; explore needs the normal world's"
                    + " scratch memory; nothing was booted");
        }
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-explore-"
                + descriptor.name();
        Path dir = output != null ? output : layout.reportsDir().resolve(runId);
        if (Files.exists(dir)) {
            throw new TargetException(dir + ": the run folder exists already; choose another (nothing was overwritten)");
        }
        int parallel = workers != null ? workers : descriptor.simulation() ? Runtime.getRuntime().availableProcessors() : 1;
        if (parallel > 1 && !descriptor.simulation()) {
            throw new ParameterException(spec.commandLine(), "--workers: " + parallel + " workers need as many boots at"
                    + " once; target " + descriptor.name() + " has one (only a simulated target has more); nothing was booted");
        }
        Files.createDirectories(dir);
        SequenceRunner.Executors executors = rmm ? RmmStepExecutor.of(descriptor.ffa().get().scratchBase(),
                realmImage(descriptor, layout)) : StepExecutor::new;
        Explorer.Settings settings = new Explorer.Settings(selection, seed, callLimit, limit, length, !noShrink, maxReplays,
                bootCalls);
        PrintStream out = System.out;
        boolean live = switch (progress) {
            case AUTO -> ProgressPrinter.Mode.detect() == ProgressPrinter.Mode.LIVE;
            case LIVE -> true;
            case PLAIN -> false;
        };
        out.printf("fwcts explore: target %s (profile %s%s), areas %s, seed %d, budget %s%s; run folder %s%n",
                descriptor.name(), profile.name(), descriptor.simulation() ? ", SIMULATED" : "",
                String.join(",", selection.names()), seed, budget(callLimit, time),
                parallel > 1 ? ", " + parallel + " boots at once" : "", dir);
        Explorer.Result result;
        Optional<String> contextNote;
        // One worker explores and shrinks in the run folder; several each have a folder, and shrink in another.
        List<ExploreSession> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.function.Function<Path, ExploreSession> open = folder -> {
            ExploreSession made = session(descriptor, layout, model, folder);
            made.limitHistory(HISTORY_LIMIT);
            opened.add(made);
            return made;
        };
        Explorer.WorkerSessions sessions = worker -> open.apply(worker == 1 ? dir : dir.resolve(RunFiles.WORKER_PREFIX
                + worker));
        try (ExploreSession session = parallel == 1 ? sessions.open(1) : open.apply(dir.resolve(RunFiles.SHRINK))) {
            result = new Explorer(generators, executors).explore(session, parallel, sessions, settings,
                    new Progress(out, live));
            contextNote = session.context().partitionsUnavailable();
            if (live) {
                out.println();
            }
        }
        Optional<String> lostPartitions = contextNote;
        List<Path> saved = saveScenarios(dir, result.divergences(), descriptor);
        long[] leftOut = opened.stream().map(ExploreSession::historyLeftOut)
                .reduce(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        String summary = summary(descriptor, result, saved)
                + (leftOut[0] == 0 ? "" : String.format("%ncalls.jsonl: past %d MB a file, %,d boots (%,d calls) on which"
                        + " every call passed were counted, not written; --seed %d runs the same sequences again%n",
                        HISTORY_LIMIT >> 20, leftOut[0], leftOut[1], seed))
                + lostPartitions.map(why -> rmm ? "\nTARGET FAILURE: " + why + "; the steps went on, judged against an RMM"
                        + " not activated\n" : "\nTARGET FAILURE: the partition agents stopped answering (" + why
                        + "); the rest of the run explored from the normal world alone\n").orElse("");
        Files.writeString(dir.resolve(EXPLORE_REPORT), summary);
        out.print(summary);
        boolean failed = result.divergences().stream().anyMatch(d -> d.attribution().kind() != Attribution.Kind.NO_RESULT);
        if (failed) {
            return 1;
        }
        // No divergence, but the target gave no result somewhere (a partition silent, a call unanswered): no verdict.
        boolean noResult = !result.divergences().isEmpty() || lostPartitions.isPresent();
        return noResult ? FwctsCommand.ERROR_EXIT : 0;
    }

    private static ExploreSession session(TargetDescriptor descriptor, ProjectLayout layout, FirmwareModel model,
            Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + folder, e);
        }
        return new ExploreSession(descriptor, Launchers.forTarget(descriptor, layout), model,
                folder.resolve(RunFiles.CALLS), folder.resolve(RunFiles.CONSOLE), n -> folder.resolve(RunFiles.WORK_PREFIX + n));
    }

    private static byte[] realmImage(TargetDescriptor descriptor, ProjectLayout layout) {
        try {
            return RealmAgentImage.of(descriptor, layout);
        } catch (IllegalArgumentException e) {
            throw new TargetException(e.getMessage() + "; explore builds a realm running the realm agent; nothing was booted");
        }
    }

    private List<Path> saveScenarios(Path dir, List<Divergence> divergences, TargetDescriptor descriptor) throws IOException {
        List<Path> saved = new java.util.ArrayList<>();
        for (Divergence divergence : divergences) {
            if (divergence.attribution().kind() == Attribution.Kind.NO_RESULT) {
                continue;
            }
            var step = divergence.step();
            String name = (step.action().area() + "-" + step.action().kind() + "-" + step.rule())
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            Scenario scenario = new Scenario(name, "fwcts explore -t " + descriptor.name() + " --seed " + seed
                    + " (sequence " + divergence.sequence() + "), " + divergence.attribution().kind().label(),
                    step.rule(), divergence.reported().actions());
            saved.add(ScenarioFiles.write(dir.resolve(SCENARIOS), scenario));
            if (saveScenarios != null) {
                saved.add(ScenarioFiles.write(saveScenarios, scenario));
            }
        }
        return saved;
    }

    private String summary(TargetDescriptor descriptor, Explorer.Result result, List<Path> saved) {
        ExploreStats stats = result.stats();
        StringBuilder text = new StringBuilder();
        text.append("\n").append(result.divergences().isEmpty() ? "NO DIVERGENCE" : result.divergences().size()
                + " DIVERGENCE(S)").append(" — ").append(descriptor.name())
                .append(descriptor.simulation() ? " (SIMULATED target, not a conformance result)" : "").append('\n');
        double settled = stats.settledCallsPerSecond();
        text.append(String.format("%,d checked calls in %d sequences, %.1f s (%,.0f calls/s exploring%s, %,.0f per"
                        + " CPU-second of the harness); %d unmodelled steps (not issued); %d divergent sequences%n",
                stats.calls(), stats.sequences(), stats.elapsed().toNanos() / 1e9, stats.callsPerSecond(),
                settled > 0 ? String.format(", %,.0f in its second half", settled) : "", stats.callsPerCpuSecond(),
                stats.unmodelled(), stats.divergenceCount()));
        if (stats.replays() > 0) {
            text.append(String.format("shrinking: %d replays on fresh boots, %.2f s%n", stats.replays(),
                    stats.shrinking().toNanos() / 1e9));
        }
        for (Divergence divergence : result.divergences()) {
            text.append('\n').append(DivergenceReport.text(divergence, seed));
            divergence.shrunk().ifPresent(s -> text.append("shrunk to ").append(s.calls()).append(" calls\n"));
        }
        if (!stats.divergences().isEmpty()) {
            text.append("\nDivergent sequences by kind:\n");
            stats.divergences().forEach((signature, count) -> text.append(String.format("  %5d  %s%n", count, signature)));
        }
        Map<String, Long> rules = stats.rules();
        text.append("\nRules covered (").append(rules.size()).append("), by checked calls citing them:\n");
        rules.forEach((rule, count) -> text.append(String.format("  %7d  %s%n", count, rule)));
        if (!saved.isEmpty()) {
            text.append("\nScenarios written (replay with fwcts run --tag scenario --scenarios FOLDER):\n");
            saved.forEach(path -> text.append("  ").append(path).append('\n'));
        }
        return text.toString();
    }

    private static String budget(long calls, String time) {
        return (calls == Long.MAX_VALUE ? "" : calls + " calls") + (time == null ? "" : (calls == Long.MAX_VALUE ? "" : " or ")
                + time);
    }

    /** 90s, 10m, 1h, or seconds alone. */
    private Duration duration(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(-?\\d+)\\s*([smh]?)").matcher(text.trim());
        if (!m.matches()) {
            throw new ParameterException(spec.commandLine(), "--time: '" + text + "' is not a duration (e.g. 90s, 10m, 1h);"
                    + " nothing was booted");
        }
        long value = Long.parseLong(m.group(1));
        if (value <= 0) {
            throw new ParameterException(spec.commandLine(), "--time: '" + text + "' is not a positive duration;"
                    + " nothing was booted");
        }
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(value);
            case "h" -> Duration.ofHours(value);
            default -> Duration.ofSeconds(value);
        };
    }

    /** The live line on a terminal, rewritten in place; elsewhere a plain line every few seconds. */
    private static final class Progress implements Explorer.Listener {
        private static final long PLAIN_EVERY = 5_000_000_000L;
        private static final long LIVE_EVERY = 200_000_000L;
        private final PrintStream out;
        private final boolean live;
        private long last = System.nanoTime();

        Progress(PrintStream out, boolean live) {
            this.out = out;
            this.live = live;
        }

        @Override
        public void progress(ExploreStats stats) {
            long now = System.nanoTime();
            if (now - last < (live ? LIVE_EVERY : PLAIN_EVERY)) {
                return;
            }
            last = now;
            if (live) {
                out.print("\r\033[K" + stats.line());
                out.flush();
            } else {
                out.println(stats.line());
            }
        }

        @Override
        public void partitionsLost(String why) {
            out.println((live ? "\r\033[K" : "") + "the partition agents do not answer; exploring from the normal world"
                    + " alone: " + why);
        }

        @Override
        public void divergence(Divergence divergence) {
            String line = "divergence " + divergence.number() + ": " + divergence.step().signature() + " — "
                    + divergence.attribution().kind().label() + divergence.shrunk().map(s -> ", shrunk to " + s.calls()
                            + " calls").orElse("");
            out.println((live ? "\r\033[K" : "") + line);
        }
    }
}
