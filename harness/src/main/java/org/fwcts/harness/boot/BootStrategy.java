package org.fwcts.harness.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.fwcts.harness.agent.TargetWait;
import org.fwcts.harness.console.Console;
import org.fwcts.harness.console.Transcript;
import org.fwcts.harness.faults.FaultInjectingConsole;
import org.fwcts.harness.faults.FaultSchedule;
import org.fwcts.harness.session.EndpointHealth;
import org.fwcts.harness.session.TargetSession;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.TargetDescriptor;

/**
 * How a run boots its target, as an explicit state machine ({@link BootState}): the first launch,
 * fresh boots on request, recovery after the target fails (relaunching up to the descriptor's
 * attempts, then giving the target up), and the fault-injecting console for the harness's
 * self-tests. It knows nothing of tests: a test framework, a generated-sequence runner or a farm
 * scheduler drives it through {@link #session()}, {@link #freshBoot(String)} and {@link #failed}.
 */
public final class BootStrategy implements AutoCloseable {

    /** Told of every boot that reached AGENT_READY, so the caller starts its model afresh. */
    @FunctionalInterface
    public interface BootListener {
        void booted(int number, String reason, TargetSession session);
    }

    private final TargetDescriptor descriptor;
    private final TargetLauncher launcher;
    private final Transcript transcript;
    private final IntFunction<Path> workDir;
    private final TargetReservation reservation;
    private final BootListener listener;
    private final List<String> reasons = new ArrayList<>();
    private final List<Duration> times = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final EndpointHealth endpoints = new EndpointHealth();
    private String bootConsole = "";
    private BootState state = BootState.OFF;
    private TargetSession session;
    private String pendingReason;
    private String givenUp;
    private boolean reserved;
    private int retransmissionsOfEndedBoots;
    private FaultSchedule faults;
    private BootAhead ahead;

    /**
     * @param workDir the work folder of boot n (from 1)
     * @param listener told of each boot once its agent is ready
     */
    public BootStrategy(TargetDescriptor descriptor, TargetLauncher launcher, Transcript transcript,
            IntFunction<Path> workDir, TargetReservation reservation, BootListener listener) {
        this.descriptor = descriptor;
        this.launcher = launcher;
        this.transcript = transcript;
        this.workDir = workDir;
        this.reservation = reservation;
        this.listener = listener;
    }

    /** Passes the agent console of every later boot through a fault injector following {@code schedule}. */
    public synchronized void injectFaults(FaultSchedule schedule) {
        faults = schedule;
    }

    public synchronized Optional<FaultSchedule> faults() {
        return Optional.ofNullable(faults);
    }

    public synchronized BootState state() {
        return state;
    }

    /**
     * The current boot with its agent ready, booting first if there is none (the first boot, or a
     * relaunch after a failure or a requested fresh boot).
     *
     * @throws TargetGivenUp when the target was given up
     * @throws TargetException when the first boot fails
     */
    public synchronized TargetSession session() {
        refuseIfGivenUp();
        if (state == BootState.AGENT_READY && pendingReason == null) {
            return session;
        }
        if (reasons.isEmpty()) {
            boot("first test");
            return session;
        }
        String reason = pendingReason != null ? pendingReason : "after " + reasons.size() + " boot(s)";
        return freshBoot(reason);
    }

    /**
     * Starts the first boot now on another thread, so the target boots while the caller prepares
     * the run; the first {@link #session()} takes it over (waiting for what is left of it), and a
     * failure is thrown there as a boot on the caller's thread would throw it. Does nothing once a
     * boot has begun.
     */
    public synchronized void bootAhead() {
        refuseIfGivenUp();
        if (ahead != null || state != BootState.OFF || !reasons.isEmpty()) {
            return;
        }
        if (!reserved) {
            reservation.acquire();
            reserved = true;
        }
        UnaryOperator<Console> wrap = consoleWrap();
        Path dir = workDir.apply(1);
        ahead = new BootAhead(transcript.mark(), () -> TargetSession.boot(descriptor, launcher, dir, transcript, wrap));
    }

    /** Ends the current boot (if any) and boots again now, relaunching as often as the descriptor allows. */
    public synchronized TargetSession freshBoot(String reason) {
        refuseIfGivenUp();
        if (resetInPlace(reason)) {
            pendingReason = null;
            return session;
        }
        shutdown();
        pendingReason = null;
        int attempts = Math.max(0, descriptor.recoveryAttempts());
        String lastProblem = "no relaunch allowed (timeouts.recoveryAttempts is 0)";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                boot(attempt == 1 ? reason : reason + ", attempt " + attempt);
                return session;
            } catch (TargetException e) {
                lastProblem = e.getMessage();
            }
        }
        transition(BootState.GIVEN_UP);
        givenUp = attempts + " relaunch attempt(s) failed; last: " + lastProblem;
        throw new TargetGivenUp(givenUp);
    }

    /** Asks for a fresh boot before the current one is used again; the first reason given wins. */
    public synchronized void requestFreshBoot(String reason) {
        if (pendingReason == null) {
            pendingReason = reason;
        }
    }

    /** Why a fresh boot was asked for, if one is pending. */
    public synchronized Optional<String> pendingFreshBoot() {
        return Optional.ofNullable(pendingReason);
    }

    /** Boots afresh now if one is pending and a boot is running (else the next {@link #session()} does). */
    public synchronized void applyPendingFreshBoot() {
        refuseIfGivenUp();
        if (pendingReason != null && state != BootState.OFF) {
            freshBoot(pendingReason);
        }
    }

    /** The target stopped serving the current boot during {@code where}: it is stopped now and relaunched on next use. */
    public synchronized void failed(String where, String failure) {
        failures.add(where + ": " + failure);
        boolean forGood = session != null && session.agent().failedForGood();
        if (state == BootState.AGENT_READY) {
            transition(BootState.FAILED);
        }
        shutdown();
        if (forGood) {
            // A target that broke the protocol or overran its console would do it again on every boot.
            transition(BootState.GIVEN_UP);
            givenUp = "not relaunched after it failed in " + where + ": " + failure;
            return;
        }
        requestFreshBoot("recovery after the target failed in " + where + " (" + failure + ")");
    }

    /** What the target printed from launch to the agent's handshake on the current boot (firmware and partition boot lines). */
    public synchronized String bootConsole() {
        return bootConsole;
    }

    /** Why the target stopped serving the current boot, if it did (it panicked, hung, restarted, its console closed). */
    public synchronized Optional<String> targetFailure() {
        return session == null ? Optional.empty() : session.agent().failure();
    }

    /** The current boot, if one is running; never boots. */
    public synchronized Optional<TargetSession> current() {
        return Optional.ofNullable(session);
    }

    public synchronized Optional<String> givenUp() {
        return Optional.ofNullable(givenUp);
    }

    public EndpointHealth endpoints() {
        return endpoints;
    }

    /** Why each boot happened, in order. */
    public synchronized List<String> reasons() {
        return List.copyOf(reasons);
    }

    /** How long each boot took, launch to agent handshake, in order. */
    public synchronized List<Duration> times() {
        return List.copyOf(times);
    }

    /** Where and how the target failed, in order. */
    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    public synchronized int retransmissions() {
        return retransmissionsOfEndedBoots + (session == null ? 0 : session.agent().retransmissions());
    }

    private void boot(String reason) {
        BootAhead started = ahead;
        ahead = null;
        if (!reserved) {
            reservation.acquire();
            reserved = true;
        }
        long start = System.nanoTime();
        long consoleMark = started != null ? started.consoleMark() : transcript.mark();
        transition(BootState.LAUNCHED);
        UnaryOperator<Console> wrap = consoleWrap();
        long waitStart = TargetWait.begin();
        try {
            session = started != null ? started.await()
                    : TargetSession.boot(descriptor, launcher, workDir.apply(reasons.size() + 1), transcript, wrap);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transition(BootState.FAILED);
            throw new TargetException("interrupted while booting " + descriptor.name(), e);
        } catch (RuntimeException e) {
            transition(BootState.FAILED);
            throw e;
        } finally {
            TargetWait.endBoot(waitStart);
        }
        transition(BootState.AGENT_READY);
        reasons.add(reason);
        bootConsole = transcript.since(consoleMark);
        times.add(started != null ? started.took() : Duration.ofNanos(System.nanoTime() - start));
        listener.booted(reasons.size(), reason, session);
    }

    private UnaryOperator<Console> consoleWrap() {
        FaultSchedule schedule = faults;
        return schedule == null ? UnaryOperator.identity() : console -> new FaultInjectingConsole(console, schedule);
    }

    /**
     * Boots afresh by resetting the running target in place, when it is healthy and can be: a
     * relaunch costs most of a boot's time in starting the emulator again. False when it cannot
     * (nothing changed) or the agent did not come up after the reset (the target is then stopped,
     * and the caller relaunches it).
     */
    private boolean resetInPlace(String reason) {
        if (state != BootState.AGENT_READY || session == null || session.agent().failure().isPresent()) {
            return false;
        }
        TargetSession ending = session;
        long start = System.nanoTime();
        long consoleMark = transcript.mark();
        long waitStart = TargetWait.begin();
        Optional<TargetSession> next;
        try {
            next = ending.rebootInPlace();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return resetFailed(ending);
        } catch (TargetException e) {
            return resetFailed(ending);
        } finally {
            TargetWait.endBoot(waitStart);
        }
        if (next.isEmpty()) {
            return false;
        }
        retransmissionsOfEndedBoots += ending.agent().retransmissions();
        transition(BootState.OFF);
        transition(BootState.LAUNCHED);
        session = next.get();
        transition(BootState.AGENT_READY);
        reasons.add(reason);
        bootConsole = transcript.since(consoleMark);
        times.add(Duration.ofNanos(System.nanoTime() - start));
        listener.booted(reasons.size(), reason, session);
        return true;
    }

    private boolean resetFailed(TargetSession ending) {
        retransmissionsOfEndedBoots += ending.agent().retransmissions();
        session = null;
        transition(BootState.FAILED);
        return false;
    }

    private void shutdown() {
        TargetSession ending = session;
        session = null;
        if (state == BootState.AGENT_READY || state == BootState.FAILED) {
            transition(BootState.OFF);
        }
        if (ending != null) {
            retransmissionsOfEndedBoots += ending.agent().retransmissions();
            ending.close();
        }
    }

    private void transition(BootState to) {
        if (!state.next().contains(to)) {
            throw new IllegalStateException("boot state " + state + " cannot become " + to);
        }
        state = to;
    }

    private void refuseIfGivenUp() {
        if (givenUp != null) {
            throw new TargetGivenUp(givenUp);
        }
    }

    /** Stops the target and releases its reservation, on every path. */
    @Override
    public synchronized void close() {
        try {
            if (ahead != null) {
                ahead.discard();
                ahead = null;
            }
            shutdown();
        } finally {
            if (reserved) {
                reserved = false;
                reservation.release();
            }
        }
    }
}
