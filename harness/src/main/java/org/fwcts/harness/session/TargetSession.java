package org.fwcts.harness.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fwcts.harness.agent.AgentInfo;
import org.fwcts.harness.agent.AgentMemory;
import org.fwcts.harness.agent.AgentProtocolException;
import org.fwcts.harness.agent.AgentSession;
import org.fwcts.harness.console.Console;
import org.fwcts.harness.console.Consoles;
import org.fwcts.harness.console.LineChannel;
import org.fwcts.harness.console.Transcript;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.FfaSettings;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.xen.XenSettings;

/**
 * One boot of a target with its agent ready: launched, console connected, handshake done.
 * Closing it closes the console and stops the target, on every path.
 */
public final class TargetSession implements AutoCloseable {

    /** Where a boot is. */
    public enum State { OFF, LAUNCHED, AGENT_READY, STOPPED }

    private final TargetDescriptor descriptor;
    private final RunningTarget target;
    private final AgentSession agent;
    private final FirmwareConsoles firmware;
    private State state;

    private TargetSession(TargetDescriptor descriptor, RunningTarget target, AgentSession agent, FirmwareConsoles firmware) {
        this.descriptor = descriptor;
        this.target = target;
        this.agent = agent;
        this.firmware = firmware;
        this.state = State.AGENT_READY;
    }

    /**
     * Boots {@code descriptor}'s target and connects to its agent.
     *
     * @throws TargetException when the target cannot start or its agent does not answer; nothing is left running
     */
    public static TargetSession boot(TargetDescriptor descriptor, TargetLauncher launcher, Path workDir,
            Transcript transcript) throws InterruptedException {
        return boot(descriptor, launcher, workDir, transcript, UnaryOperator.identity());
    }

    /**
     * Boots as {@link #boot(TargetDescriptor, TargetLauncher, Path, Transcript)} does, with the agent's
     * console passed through {@code wrapConsole} (a fault-injecting proxy in the harness's self-tests).
     */
    public static TargetSession boot(TargetDescriptor descriptor, TargetLauncher launcher, Path workDir,
            Transcript transcript, UnaryOperator<Console> wrapConsole) throws InterruptedException {
        RunningTarget target = launcher.launch(descriptor, workDir);
        if (descriptor.settings() instanceof XenSettings) {
            return bootGuests(descriptor, target, transcript, wrapConsole);
        }
        LineChannel channel = null;
        FirmwareConsoles firmware = FirmwareConsoles.none();
        boolean ready = false;
        try {
            Console console = wrapConsole.apply(Consoles.open(() -> target.consoles().get(0), descriptor.bootTimeout(),
                    descriptor.agentConsole().reconnect()));
            channel = new LineChannel(console, transcript);
            firmware = FirmwareConsoles.open(descriptor, target, transcript);
            AgentSession agent = new AgentSession(channel, descriptor.commandTimeout(), firmware.crashesFromNow());
            agent.handshake(descriptor.bootTimeout());
            ready = true;
            return new TargetSession(descriptor, target, agent, firmware);
        } catch (IOException | AgentProtocolException e) {
            throw new TargetException(descriptor.name() + ": the agent did not come up: " + e.getMessage()
                    + diagnosticsOf(target), e);
        } finally {
            if (!ready) {
                if (channel != null) {
                    channel.close();
                }
                firmware.close();
                target.close();
            }
        }
    }

    /**
     * A hypervisor's guests share its console: each guest's share, not the whole console, goes
     * through {@code wrapConsole}, since the console also carries the focus switching.
     */
    private static TargetSession bootGuests(TargetDescriptor descriptor, RunningTarget target, Transcript transcript,
            UnaryOperator<Console> wrapConsole) throws InterruptedException {
        boolean ready = false;
        FirmwareConsoles firmware = FirmwareConsoles.none();
        try {
            Console console = Consoles.open(target.consoles().get(0), descriptor.bootTimeout(),
                    descriptor.agentConsole().reconnect());
            firmware = FirmwareConsoles.open(descriptor, target, transcript);
            XenGuestTarget guests = XenGuestTarget.connect(descriptor, target, console, transcript, wrapConsole,
                    firmware.crashesFromNow());
            ready = true;
            return new TargetSession(descriptor, guests, guests.firstSession(), firmware);
        } catch (IOException e) {
            throw new TargetException(descriptor.name() + ": Xen's console could not be opened: " + e.getMessage()
                    + diagnosticsOf(target), e);
        } finally {
            if (!ready) {
                firmware.close();
                target.close();
            }
        }
    }

    /**
     * A fresh boot of the same target without relaunching it: the machine is reset in place
     * ({@link RunningTarget#resetInPlace}) and a new agent session shakes hands on the same
     * console, as after a launch. This session is over either way.
     *
     * @return the new boot, or empty when the target cannot be reset in place (this session is
     *     then untouched, for the caller to close)
     * @throws TargetException when the agent did not come up after the reset; the target is stopped
     */
    public Optional<TargetSession> rebootInPlace() throws InterruptedException {
        if (state != State.AGENT_READY || descriptor.settings() instanceof XenSettings || !target.resetInPlace()) {
            return Optional.empty();
        }
        state = State.STOPPED;
        boolean ready = false;
        try {
            AgentSession fresh = new AgentSession(agent.channel(), descriptor.commandTimeout(), firmware.crashesFromNow());
            fresh.handshake(descriptor.bootTimeout());
            descriptor.ffa().ifPresent(ffa -> clearScratch(fresh, ffa));
            ready = true;
            return Optional.of(new TargetSession(descriptor, target, fresh, firmware));
        } catch (AgentProtocolException e) {
            throw new TargetException(descriptor.name() + ": the agent did not come up after a reset: " + e.getMessage()
                    + diagnosticsOf(target), e);
        } finally {
            if (!ready) {
                try {
                    agent.close();
                    firmware.close();
                } finally {
                    target.close();
                }
            }
        }
    }

    /**
     * Memory keeps its contents across a reset: the pages tests use are cleared to what a launch
     * leaves them (zero), so no answer the firmware failed to write can be read from an earlier boot.
     */
    private void clearScratch(AgentSession fresh, FfaSettings ffa) {
        if (!fresh.info().capabilities().contains("mem")) {
            return;
        }
        AgentMemory.Result cleared = new AgentMemory(fresh).fill(ffa.scratchBase(),
                (long) ffa.scratchPages() * FfaSettings.PAGE_SIZE, 0);
        if (!(cleared instanceof AgentMemory.Result.Done)) {
            throw new TargetException(descriptor.name() + ": the scratch pages could not be cleared after a reset: "
                    + cleared);
        }
    }

    public AgentSession agent() {
        return agent;
    }

    public AgentInfo agentInfo() {
        return agent.info();
    }

    public RunningTarget target() {
        return target;
    }

    public TargetDescriptor descriptor() {
        return descriptor;
    }

    public State state() {
        return state;
    }

    @Override
    public void close() {
        if (state == State.STOPPED) {
            return;
        }
        state = State.STOPPED;
        try {
            agent.close();
            firmware.close();
        } finally {
            target.close();
        }
    }

    private static String diagnosticsOf(RunningTarget target) {
        String text = target.diagnostics();
        return text.isBlank() ? "" : "\n--- emulator output ---\n" + text;
    }
}
