package org.fwcts.testcases.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fwcts.harness.console.Transcript;
import org.fwcts.harness.session.TargetSession;
import org.fwcts.model.FirmwareModel;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.profile.ProfileOverrides;
import org.fwcts.model.profile.Profiles;
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

    private final TargetDescriptor descriptor;
    private final TargetLauncher launcher;
    private final FirmwareModel model;
    private final Path runDir;
    private final Transcript transcript;
    private final CallTrace trace = new CallTrace();
    private Firmware firmware;
    private TargetSession session;

    private ConformanceRun(TargetDescriptor descriptor, TargetLauncher launcher, FirmwareModel model, Path runDir) {
        this.descriptor = descriptor;
        this.launcher = launcher;
        this.model = model;
        this.runDir = runDir;
        this.transcript = Transcript.toFile(runDir.resolve("console.log"));
    }

    /** Validates the target's profile and images and chooses its launcher; boots nothing. */
    public static ConformanceRun prepare(TargetDescriptor descriptor, ProjectLayout layout, Path runDir) {
        Profile profile = profileOf(descriptor);
        TargetLauncher launcher = Launchers.forTarget(descriptor, layout);
        return new ConformanceRun(descriptor, launcher, new FirmwareModel(profile), runDir);
    }

    /** The descriptor's profile with its overrides applied; errors name the descriptor field. */
    public static Profile profileOf(TargetDescriptor descriptor) {
        Profile base = Profiles.named(descriptor.profile()).orElseThrow(() -> new TargetException(descriptor.file()
                + ": profile: unknown profile '" + descriptor.profile() + "' (known: " + Profiles.names() + ")"));
        try {
            return ProfileOverrides.apply(base, descriptor.profileOverrides());
        } catch (IllegalArgumentException e) {
            throw new TargetException(descriptor.file() + ": profileOverrides." + e.getMessage(), e);
        }
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
        if (firmware == null) {
            try {
                session = TargetSession.boot(descriptor, launcher, runDir.resolve("work"), transcript);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetException("interrupted while booting " + descriptor.name(), e);
            }
            firmware = new Firmware(session.agent(), model, trace);
        }
        return firmware;
    }

    public Transcript transcript() {
        return transcript;
    }

    /** The trace of the test running now. */
    public CallTrace trace() {
        return trace;
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
        if (session != null) {
            session.target().imageHashes().forEach((role, hash) -> facts.put("sha256 " + role, hash));
            var agent = session.agentInfo();
            facts.put("agent", "version " + agent.version() + ", protocol " + agent.protocol() + ", EL"
                    + agent.exceptionLevel() + ", caps " + String.join(",", new java.util.TreeSet<>(agent.capabilities())));
            facts.put("unexpectedAgentRestarts", Integer.toString(session.agent().restartsSeen()));
        } else {
            facts.put("boot", "the target was not booted");
        }
        return facts;
    }

    @Override
    public synchronized void close() {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            transcript.close();
            if (active == this) {
                active = null;
            }
        }
    }
}
