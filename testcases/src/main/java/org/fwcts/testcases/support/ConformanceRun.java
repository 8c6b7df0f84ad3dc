package org.fwcts.testcases.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.fwcts.harness.console.Transcript;
import org.fwcts.harness.session.TargetProfiles;
import org.fwcts.harness.session.TargetSession;
import org.fwcts.model.FirmwareModel;
import org.fwcts.model.profile.Profile;
import org.fwcts.targets.Launchers;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.TargetDescriptor;

/**
 * One conformance run against one target: the descriptor, the model under its profile, the
 * run's folder and console transcript, and the target boot the tests share.
 *
 * <p>{@link #prepare} checks everything that can be checked without booting, so bad input fails
 * before anything runs; the target boots on first use.
 */
public final class ConformanceRun implements AutoCloseable {
    private static volatile ConformanceRun active;
    private static final int FAILURE_TAIL_LINES = 40;

    private final TargetDescriptor descriptor;
    private final TargetLauncher launcher;
    private final FirmwareModel model;
    private final Path runDir;
    private final Transcript transcript;
    private final org.fwcts.harness.pipeline.CallHistory history;
    private final org.fwcts.harness.pipeline.CallPipeline pipeline;
    private Firmware firmware;
    private FfaFirmware ffa;
    private TargetSession session;
    private final java.util.List<String> boots = new java.util.ArrayList<>();
    private final java.util.List<java.time.Duration> bootTimes = new java.util.ArrayList<>();
    private String rebootReason;
    private boolean bootPerTest;
    private java.util.Set<String> finishedBefore = java.util.Set.of();
    private final java.util.List<String> targetFailures = new java.util.ArrayList<>();
    private int retransmissionsOfEndedBoots;
    private String abandoned;
    private org.fwcts.harness.faults.FaultSchedule faults;

    private ConformanceRun(TargetDescriptor descriptor, TargetLauncher launcher, FirmwareModel model, Path runDir) {
        this.descriptor = descriptor;
        this.launcher = launcher;
        this.model = model;
        this.runDir = runDir;
        this.transcript = Transcript.toFile(runDir.resolve(org.fwcts.reports.RunFiles.CONSOLE));
        this.history = org.fwcts.harness.pipeline.CallHistory.appendingTo(runDir.resolve(org.fwcts.reports.RunFiles.CALLS));
        this.pipeline = new org.fwcts.harness.pipeline.CallPipeline(model, history);
    }

    /** Validates the target's profile and images and chooses its launcher; boots nothing. */
    public static ConformanceRun prepare(TargetDescriptor descriptor, ProjectLayout layout, Path runDir) {
        Profile profile = profileOf(descriptor);
        TargetLauncher launcher = Launchers.forTarget(descriptor, layout);
        return new ConformanceRun(descriptor, launcher, new FirmwareModel(profile), runDir);
    }

    /** The descriptor's profile with its overrides applied; errors name the descriptor field. */
    public static Profile profileOf(TargetDescriptor descriptor) {
        return TargetProfiles.of(descriptor);
    }

    /** Makes this the run that conformance tests in this JVM use. */
    public static void activate(ConformanceRun run) {
        active = run;
    }

    public static ConformanceRun active() {
        return active;
    }

    /** The firmware under test, booting the target on first use. */
    public synchronized Firmware firmware() {
        refuseIfAbandoned();
        if (firmware == null) {
            if (boots.isEmpty()) {
                boot("first test");
            } else {
                relaunch(rebootReason != null ? rebootReason : "after " + boots.size() + " boot(s)");
                rebootReason = null;
            }
        }
        return firmware;
    }

    /** The FF-A view of the firmware under test, on the current boot. */
    public synchronized FfaFirmware ffa() {
        Firmware current = firmware();
        if (ffa == null) {
            model.profile().ffa().orElseThrow(() -> new org.opentest4j.TestAbortedException(
                    "profile " + model.profile().name() + " has no FF-A system"));
            ffa = new FfaFirmware(current, descriptor.ffa());
        }
        return ffa;
    }

    /**
     * Ends the current boot before the next test: the model stopped trusting its state, clean-up
     * failed, or a test needs a fresh boot. The reason goes in the run's record of boots.
     */
    public synchronized void rebootBeforeNextTest(String reason) {
        if (rebootReason == null) {
            rebootReason = reason;
        }
    }

    /** True when nothing has been called on the current boot (or there is none yet). */
    public synchronized boolean freshBoot() {
        return firmware == null || firmware.callsMade() == 0;
    }

    /**
     * Boots the target afresh before every test, for measuring what the shared boots save; off by
     * default.
     */
    public synchronized void bootPerTest(boolean on) {
        bootPerTest = on;
    }

    /**
     * Passes the agent's console of every boot through a fault injector following {@code schedule},
     * for the harness's self-tests of its recovery; off by default.
     */
    public synchronized void injectFaults(org.fwcts.harness.faults.FaultSchedule schedule) {
        faults = schedule;
    }

    /** Tests an interrupted run finished, by unique ID: this run resumes it and does not run them again. */
    public synchronized void resumeAfter(java.util.Set<String> finished) {
        finishedBefore = java.util.Set.copyOf(finished);
    }

    /** Whether the test with {@code uniqueId} finished in the run this one resumes. */
    public synchronized boolean finishedBefore(String uniqueId) {
        return finishedBefore.contains(uniqueId);
    }

    /** Reboots now if a reboot is pending, or if {@code freshBootFor} names a test that needs one. */
    public synchronized void beforeTest(Optional<String> freshBootFor) {
        refuseIfAbandoned();
        if (firmware == null && rebootReason != null) {
            String reason = rebootReason;
            rebootReason = null;
            relaunch(reason);
            return;
        }
        if (bootPerTest && rebootReason == null && !freshBoot()) {
            rebootReason = "one boot per test (measuring)";
        }
        if (rebootReason == null && freshBootFor.isPresent() && !freshBoot()) {
            rebootReason = "fresh boot for " + freshBootFor.get();
        }
        if (rebootReason != null && firmware != null) {
            String reason = rebootReason;
            shutdown();
            rebootReason = null;
            relaunch(reason);
        }
        rebootReason = null;
    }

    /**
     * Why the target stopped serving the current boot during the test that just ran (it panicked,
     * hung, restarted by itself or its console closed), if it did.
     */
    public synchronized Optional<String> targetFailure() {
        return session == null ? Optional.empty() : session.agent().failure();
    }

    /**
     * The last console lines and the emulator's own output, for attaching to the test during which
     * the target failed.
     */
    public synchronized String failureEvidence() {
        String diagnostics = session == null ? "" : session.target().diagnostics();
        return transcript.tail(FAILURE_TAIL_LINES)
                + (diagnostics.isBlank() ? "" : "\n--- target output ---\n" + diagnostics);
    }

    /**
     * Stops the failed target now and relaunches it before the next test, so the model starts again
     * from a fresh boot.
     */
    public synchronized void targetFailed(String test, String failure) {
        targetFailures.add(test + ": " + failure);
        shutdown();
        rebootReason = "recovery after the target failed in " + test + " (" + failure + ")";
    }

    /** Boots again, trying up to the descriptor's recovery attempts; then gives the target up for the run. */
    private void relaunch(String reason) {
        int attempts = Math.max(0, descriptor.recoveryAttempts());
        String lastProblem = "no relaunch allowed (timeouts.recoveryAttempts is 0)";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                boot(attempt == 1 ? reason : reason + ", attempt " + attempt);
                return;
            } catch (TargetException e) {
                lastProblem = e.getMessage();
            }
        }
        abandoned = attempts + " relaunch attempt(s) failed; last: " + lastProblem;
        refuseIfAbandoned();
    }

    private void refuseIfAbandoned() {
        if (abandoned != null) {
            throw new org.opentest4j.TestAbortedException("target did not recover: " + abandoned);
        }
    }

    /** After each test: FF-A clean-up through checked calls, or a reboot before the next test. */
    public synchronized void afterTest(String test) {
        if (ffa == null) {
            return;
        }
        try {
            ffa.cleanUp().ifPresent(this::rebootBeforeNextTest);
        } catch (RuntimeException e) {
            rebootBeforeNextTest("clean-up after " + test + " failed: " + e.getMessage());
        }
    }

    private void boot(String reason) {
        long start = System.nanoTime();
        try {
            org.fwcts.harness.faults.FaultSchedule schedule = faults;
            session = TargetSession.boot(descriptor, launcher, runDir.resolve(org.fwcts.reports.RunFiles.WORK_PREFIX + (boots.size() + 1)), transcript,
                    schedule == null ? console -> console
                            : console -> new org.fwcts.harness.faults.FaultInjectingConsole(console, schedule));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while booting " + descriptor.name(), e);
        }
        boots.add(reason);
        bootTimes.add(java.time.Duration.ofNanos(System.nanoTime() - start));
        pipeline.newBoot(reason);
        firmware = new Firmware(pipeline, new org.fwcts.harness.pipeline.NormalWorldAgent(model.normalWorld(),
                session.agent(), FfaFirmware.mailbox(descriptor.ffa())));
        ffa = null;
    }

    private void shutdown() {
        TargetSession ending = session;
        session = null;
        firmware = null;
        ffa = null;
        if (ending != null) {
            retransmissionsOfEndedBoots += ending.agent().retransmissions();
            ending.close();
        }
    }

    /** How long each boot took, launch to agent handshake, in order. */
    public synchronized java.util.List<java.time.Duration> bootTimes() {
        return java.util.List.copyOf(bootTimes);
    }

    /** Why each boot of this run happened, in order. */
    public synchronized java.util.List<String> boots() {
        return java.util.List.copyOf(boots);
    }

    public Transcript transcript() {
        return transcript;
    }

    /** The run's call pipeline: every call of every boot goes through it. */
    public org.fwcts.harness.pipeline.CallPipeline pipeline() {
        return pipeline;
    }

    public Path runDir() {
        return runDir;
    }

    public TargetDescriptor descriptor() {
        return descriptor;
    }

    /** Target identity for the summary: what was tested, with which images and agent. */
    public synchronized Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("target", descriptor.name());
        facts.put("descriptor", descriptor.file().toString());
        facts.put("profile", model.profile().name());
        facts.put("profileDescription", model.profile().description());
        boolean simulated = descriptor.kind() == org.fwcts.targets.descriptor.TargetKind.SIMULATED;
        if (simulated) {
            // Marks the run simulated in every report even if it never booted; a boot's own identity replaces it.
            facts.put("simulation", org.fwcts.reports.RunSummary.SIMULATED);
        }
        if (session != null) {
            // A simulated target's identity (profile, deviations) stands where image hashes go; it is not a hash.
            String label = simulated ? "" : "sha256 ";
            session.target().imageHashes().forEach((role, hash) -> facts.put(label + role, hash));
            var agent = session.agentInfo();
            facts.put("agent", "version " + agent.version() + ", protocol " + agent.protocol() + ", EL"
                    + agent.exceptionLevel() + ", caps " + String.join(",", new java.util.TreeSet<>(agent.capabilities())));
            facts.put("unexpectedAgentRestarts", Integer.toString(session.agent().restartsSeen()));
        } else if (boots.isEmpty()) {
            facts.put("boot", "the target was not booted");
        }
        if (!boots.isEmpty()) {
            facts.put("boots", boots.size() + " (" + String.join("; ", boots) + ")");
        }
        int retransmissions = retransmissionsOfEndedBoots + (session == null ? 0 : session.agent().retransmissions());
        facts.put("retransmissions", Integer.toString(retransmissions));
        facts.put("targetFailures", targetFailures.size() + (targetFailures.isEmpty() ? ""
                : " (" + String.join("; ", targetFailures) + ")"));
        if (abandoned != null) {
            facts.put("targetAbandoned", abandoned);
        }
        if (faults != null) {
            facts.put("faultInjection", faults.describe());
            faults.injected().forEach((kind, count) -> facts.put("faultsInjected " + kind, Integer.toString(count)));
        }
        return facts;
    }

    @Override
    public synchronized void close() {
        try {
            shutdown();
        } finally {
            transcript.close();
            history.close();
            if (active == this) {
                active = null;
            }
        }
    }
}
