package org.fwcts.testcases.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fwcts.harness.boot.BootStrategy;
import org.fwcts.harness.boot.TargetGivenUp;
import org.fwcts.harness.boot.TargetReservation;
import org.fwcts.harness.console.Transcript;
import org.fwcts.harness.faults.FaultSchedule;
import org.fwcts.harness.pipeline.CallHistory;
import org.fwcts.harness.pipeline.CallPipeline;
import org.fwcts.harness.pipeline.NormalWorldAgent;
import org.fwcts.harness.session.BootAgents;
import org.fwcts.harness.session.EndpointHealth;
import org.fwcts.harness.session.TargetProfiles;
import org.fwcts.harness.session.TargetSession;
import org.fwcts.model.ffa.VersionNegotiation;
import org.fwcts.model.firmware.FirmwareModel;
import org.fwcts.model.profile.Profile;
import org.fwcts.reports.RunFacts;
import org.fwcts.reports.RunFiles;
import org.fwcts.targets.Launchers;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.opentest4j.TestAbortedException;

/**
 * What the conformance tests of one run share: the target's boots ({@link BootStrategy}), the
 * model under the target's profile, and the call pipeline with its history, in the run's folder.
 *
 * <p>{@link #prepare} checks everything that can be checked without booting, so bad input fails
 * before anything runs; the target boots on first use.
 */
public final class TestRun implements AutoCloseable {
    private static final int FAILURE_TAIL_LINES = 40;

    private final TargetDescriptor descriptor;
    private final FirmwareModel model;
    private final Path runDir;
    private final Transcript transcript;
    private final CallHistory history;
    private final CallPipeline pipeline;
    private final BootStrategy boots;
    private Firmware firmware;
    private FfaFirmware ffa;
    private final ProjectLayout layout;
    private boolean bootPerTest;
    private Set<String> finishedBefore = Set.of();
    private final org.fwcts.reports.RunStop stop = new org.fwcts.reports.RunStop();

    private TestRun(TargetDescriptor descriptor, ProjectLayout layout, FirmwareModel model, Path runDir) {
        this.descriptor = descriptor;
        this.model = model;
        this.runDir = runDir;
        this.layout = layout;
        var launcher = Launchers.forTarget(descriptor, layout);
        this.transcript = Transcript.toFile(runDir.resolve(RunFiles.CONSOLE));
        this.history = CallHistory.appendingTo(runDir.resolve(RunFiles.CALLS));
        this.pipeline = new CallPipeline(model, history);
        this.boots = new BootStrategy(descriptor, launcher, transcript, n -> runDir.resolve(RunFiles.WORK_PREFIX + n),
                TargetReservation.of(launcher.reservation()), this::booted);
    }

    /** Validates the target's profile and images and chooses its launcher; boots nothing. */
    public static TestRun prepare(TargetDescriptor descriptor, ProjectLayout layout, Path runDir) {
        return new TestRun(descriptor, layout, new FirmwareModel(profileOf(descriptor)), runDir);
    }

    /** The descriptor's profile with its overrides applied; errors name the descriptor field. */
    public static Profile profileOf(TargetDescriptor descriptor) {
        return TargetProfiles.of(descriptor);
    }

    private synchronized void booted(int number, String reason, TargetSession session) {
        pipeline.newBoot(reason);
        NormalWorldAgent normalWorld = new NormalWorldAgent(model.normalWorld(), session.agent(),
                FfaFirmware.mailbox(descriptor.ffa()));
        List<org.fwcts.model.ffa.EndpointId> partitions = model.spmc()
                .map(spmc -> spmc.topology().partitions().stream().map(p -> p.id()).toList()).orElse(List.of());
        BootAgents agents = new BootAgents(normalWorld, partitions, boots.endpoints(), number);
        if (session.target() instanceof org.fwcts.harness.session.VmHost host) {
            agents.withVms(host.vmAgents());
        }
        firmware = new Firmware(pipeline, agents);
        ffa = null;
    }

    /** The firmware under test, booting the target on first use. */
    public synchronized Firmware firmware() {
        try {
            boots.session();
        } catch (TargetGivenUp e) {
            throw new TestAbortedException(e.getMessage());
        }
        return firmware;
    }

    /** The FF-A view of the firmware under test, on the current boot. */
    public synchronized FfaFirmware ffa() {
        Firmware current = firmware();
        if (ffa == null) {
            model.profile().ffa().orElseThrow(() -> new TestAbortedException(
                    "profile " + model.profile().name() + " has no FF-A system"));
            ffa = new FfaFirmware(current, descriptor.ffa(), boots.endpoints());
        }
        return ffa;
    }

    /** The RMM as the normal world's host sees it, on the current boot; skips the test when the profile has no RMM. */
    public synchronized RmmHost rmm() {
        Firmware current = firmware();
        if (model.profile().rmm().isEmpty()) {
            throw new TestAbortedException("profile " + model.profile().name() + " has no RMM");
        }
        return new RmmHost(current, descriptor.ffa(), new RealmImage(descriptor, layout)).activated();
    }

    /**
     * Ends the current boot before the next test: the model stopped following it, clean-up
     * failed, or a test needs a fresh boot. The reason goes in the run's record of boots.
     */
    public void rebootBeforeNextTest(String reason) {
        boots.requestFreshBoot(reason);
    }

    /** True when nothing has been called on the current boot (or there is none yet). */
    public synchronized boolean freshBoot() {
        return boots.current().isEmpty() || pipeline.callsThisBoot() == 0;
    }

    /**
     * True when the normal world's FF-A version negotiation has not begun on the current boot, as
     * the model follows it (or no boot runs yet): a test of negotiation can run on it as on a
     * fresh boot.
     */
    public synchronized boolean versionNotNegotiated() {
        if (freshBoot()) {
            return true;
        }
        if (pipeline.lostTrack().isPresent() || boots.pendingFreshBoot().isPresent()) {
            return false;
        }
        return pipeline.state().ffa()
                .map(state -> state.endpoint(model.normalWorld()).version().equals(VersionNegotiation.OPEN))
                .orElse(false);
    }

    /** Boots the target afresh before every test, for measuring what the shared boots save; off by default. */
    public synchronized void bootPerTest(boolean on) {
        bootPerTest = on;
    }

    /** Passes the agent console of every boot through a fault injector (the harness's recovery self-tests). */
    public void injectFaults(FaultSchedule schedule) {
        boots.injectFaults(schedule);
    }

    /** Tests an interrupted run finished, by unique ID: this run resumes it and does not run them again. */
    public synchronized void resumeAfter(Set<String> finished) {
        finishedBefore = Set.copyOf(finished);
    }

    /** Whether and why the run stopped as a whole (a full disk, a signal): tests not begun by then do not run. */
    public org.fwcts.reports.RunStop stop() {
        return stop;
    }

    /** Which endpoints behind the firmware still answer, across this run's boots. */
    public EndpointHealth endpoints() {
        return boots.endpoints();
    }

    /** What the target printed from launch to the agent's handshake on the current boot (firmware and partition boot lines). */
    public String bootConsole() {
        return boots.bootConsole();
    }

    /** Ends the current boot and boots again now, for a test that retries on a fresh boot. */
    public void relaunchNow(String reason) {
        try {
            boots.freshBoot(reason);
        } catch (TargetGivenUp e) {
            throw new TestAbortedException(e.getMessage());
        }
    }

    /** Whether the test with {@code uniqueId} finished in the run this one resumes. */
    public synchronized boolean finishedBefore(String uniqueId) {
        return finishedBefore.contains(uniqueId);
    }

    /** Boots afresh now if a boot is pending, or if {@code freshBootFor} names a test that needs one. */
    public synchronized void beforeTest(Optional<String> freshBootFor) {
        try {
            if (boots.givenUp().isPresent() || boots.current().isEmpty()) {
                if (boots.givenUp().isPresent() || boots.pendingFreshBoot().isPresent()) {
                    boots.session();
                }
                return;
            }
            if (bootPerTest && !freshBoot()) {
                boots.requestFreshBoot("one boot per test (measuring)");
            }
            if (freshBootFor.isPresent() && !freshBoot()) {
                boots.requestFreshBoot("fresh boot for " + freshBootFor.get());
            }
            boots.applyPendingFreshBoot();
        } catch (TargetGivenUp e) {
            throw new TestAbortedException(e.getMessage());
        }
    }

    /** Why the target stopped serving the current boot during the test that just ran, if it did. */
    public Optional<String> targetFailure() {
        return boots.targetFailure();
    }

    /** The last console lines and the target's own output, for the test during which the target failed. */
    public synchronized String failureEvidence() {
        String diagnostics = boots.current().map(session -> session.target().diagnostics()).orElse("");
        return transcript.tail(FAILURE_TAIL_LINES)
                + (diagnostics.isBlank() ? "" : "\n--- target output ---\n" + diagnostics);
    }

    /** Stops the failed target now and relaunches it before the next test, so the model starts again from a fresh boot. */
    public void targetFailed(String test, String failure) {
        boots.failed(test, failure);
    }

    /** After each test: FF-A clean-up through checked calls, or a fresh boot before the next test. */
    public synchronized void afterTest(String test) {
        if (boots.current().isEmpty()) {
            return;
        }
        // Whatever path the test's calls took (a replayed scenario makes them without the FF-A view),
        // a boot the model stopped following cannot serve the next test.
        Optional<String> lost = pipeline.lostTrack();
        if (lost.isPresent()) {
            rebootBeforeNextTest(lost.get());
            return;
        }
        if (ffa == null) {
            return;
        }
        try {
            ffa.cleanUp().ifPresent(this::rebootBeforeNextTest);
        } catch (RuntimeException e) {
            rebootBeforeNextTest("clean-up after " + test + " failed: " + e.getMessage());
        }
    }

    /** How long each boot took, launch to agent handshake, in order. */
    public List<Duration> bootTimes() {
        return boots.times();
    }

    /** Why each boot of this run happened, in order. */
    public List<String> boots() {
        return boots.reasons();
    }

    /** The boots as a strategy, for callers outside JUnit (a generated-sequence runner). */
    public BootStrategy bootStrategy() {
        return boots;
    }

    public Transcript transcript() {
        return transcript;
    }

    /** The agents of the current boot by endpoint, booting the target on first use (a scenario replays through them). */
    public synchronized BootAgents agents() {
        return firmware().agents();
    }

    /** The run's call pipeline: every call of every boot goes through it. */
    public CallPipeline pipeline() {
        return pipeline;
    }

    public Path runDir() {
        return runDir;
    }

    public TargetDescriptor descriptor() {
        return descriptor;
    }

    /** Target identity and boot record for the summary. */
    public synchronized RunFacts runFacts() {
        Map<String, String> images = new java.util.LinkedHashMap<>();
        Optional<String> agent = Optional.empty();
        int restarts = 0;
        Optional<TargetSession> session = boots.current();
        if (session.isPresent()) {
            images.putAll(session.get().target().imageHashes());
            var info = session.get().agentInfo();
            agent = Optional.of("version " + info.version() + ", protocol " + info.protocol() + ", " + info.identity() + ", EL"
                    + info.exceptionLevel() + ", caps " + String.join(",", new java.util.TreeSet<>(info.capabilities())));
            restarts = session.get().agent().restartsSeen();
        }
        Map<String, String> faults = new java.util.LinkedHashMap<>();
        boots.faults().ifPresent(schedule -> {
            faults.put("faultInjection", schedule.describe());
            schedule.injected().forEach((kind, count) -> faults.put("faultsInjected " + kind, Integer.toString(count)));
        });
        Map<String, String> limits = new java.util.LinkedHashMap<>();
        endpoints().givenUpEndpoints().forEach((id, reason) -> limits.put("endpointGivenUp " + id, reason));
        if (transcript.unloggedLines() > 0) {
            limits.put("consoleLogLimit", "console.log reached its limit of " + Transcript.LOG_LIMIT + " bytes; "
                    + transcript.unloggedLines() + " line(s) not written");
        }
        return new RunFacts(descriptor.name(), descriptor.file().toString(), model.profile().name(),
                model.profile().description(), descriptor.simulation(), images, agent, restarts,
                boots.reasons(), boots.retransmissions(), boots.failures(), boots.givenUp(), faults, limits);
    }

    /** The facts as the summary's target table lists them. */
    public Map<String, String> facts() {
        return runFacts().toMap();
    }

    @Override
    public synchronized void close() {
        try {
            boots.close();
        } finally {
            transcript.close();
            history.close();
        }
    }
}
