package org.fwcts.harness.session;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.fwcts.harness.agent.AgentMemory;
import org.fwcts.harness.agent.AgentProtocolException;
import org.fwcts.harness.agent.AgentSession;
import org.fwcts.harness.console.Console;
import org.fwcts.harness.console.InputPacing;
import org.fwcts.harness.console.LineChannel;
import org.fwcts.harness.console.Transcript;
import org.fwcts.harness.console.XenConsoleDemultiplexer;
import org.fwcts.harness.pipeline.AgentChannel;
import org.fwcts.harness.pipeline.NormalWorldAgent;
import org.fwcts.harness.pipeline.VmAgent;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.xen.XenGuest;
import org.fwcts.targets.xen.XenSettings;

/**
 * A booted {@code xen} target with an agent ready in every guest: Xen's console taken apart by
 * guest ({@link XenConsoleDemultiplexer}), and each guest's agent greeted on its share of it and
 * offered by its FF-A endpoint (Xen: domain ID + 1).
 */
public final class XenGuestTarget implements RunningTarget, VmHost {
    /** How long one move of Xen's input focus may take to be announced. */
    private static final Duration FOCUS_TIMEOUT = Duration.ofSeconds(3);
    /** How often a guest's greeting looks whether Xen has stopped, and the line its panic() prints. */
    private static final Duration PANIC_POLL = Duration.ofSeconds(3);
    private static final String XEN_PANIC = "Panic on CPU";

    private final RunningTarget launched;
    private final XenConsoleDemultiplexer demux;
    private final Map<XenGuest, AgentSession> sessions;
    private final Map<EndpointId, AgentChannel> agents = new LinkedHashMap<>();

    private XenGuestTarget(RunningTarget launched, XenConsoleDemultiplexer demux, Map<XenGuest, AgentSession> sessions,
            Optional<NormalWorldAgent.Mailbox> mailbox) {
        this.launched = launched;
        this.demux = demux;
        this.sessions = sessions;
        sessions.forEach((guest, session) -> {
            EndpointId id = EndpointId.of(guest.ffaId());
            agents.put(id, guest.vcpus() >= 2 ? new VmAgent(id, session, mailbox)
                    : new NormalWorldAgent(id, session, AgentMemory.forSlowInput(session), mailbox));
        });
    }

    /**
     * Greets every guest's agent on {@code console} (Xen's), each guest's share passed through
     * {@code wrapGuest}; a guest whose agent does not answer is named in the error.
     */
    static XenGuestTarget connect(TargetDescriptor descriptor, RunningTarget launched, Console console,
            Transcript transcript, UnaryOperator<Console> wrapGuest) throws InterruptedException {
        return connect(descriptor, launched, console, transcript, wrapGuest, Optional::empty);
    }

    /**
     * As {@link #connect(TargetDescriptor, RunningTarget, Console, Transcript, UnaryOperator)}, each
     * guest's calls also ending as soon as {@code firmwareCrashes} reports that the firmware behind
     * Xen (an SPMC, OP-TEE) crashed.
     */
    static XenGuestTarget connect(TargetDescriptor descriptor, RunningTarget launched, Console console,
            Transcript transcript, UnaryOperator<Console> wrapGuest, Supplier<Optional<String>> firmwareCrashes)
            throws InterruptedException {
        XenSettings xen = descriptor.settings(XenSettings.class);
        XenConsoleDemultiplexer demux = new XenConsoleDemultiplexer(console, transcript,
                new InputPacing(xen.pacingChunk(), Duration.ofMillis(xen.pacingGapMillis())), FOCUS_TIMEOUT,
                xen.guests().size());
        Map<XenGuest, AgentSession> sessions = new LinkedHashMap<>();
        try {
            for (XenGuest guest : xen.guests()) {
                String tag = XenConsoleDemultiplexer.tag(guest.domain());
                int domain = guest.domain();
                AgentSession session = new AgentSession(new LineChannel(wrapGuest.apply(demux.guestConsole(tag)),
                        transcript), descriptor.commandTimeout(),
                        () -> firmwareCrashes.get().or(() -> demux.stopOf(domain)));
                try {
                    greet(session, descriptor.bootTimeout(), demux);
                } catch (AgentProtocolException e) {
                    requireOptee(descriptor, xen, demux);
                    throw new TargetException(descriptor.name() + ": guest " + guest.name() + " (" + tag + ", FF-A ID "
                            + guest.ffaId() + ") never answered: " + e.getMessage() + xenLogTail(demux), e);
                }
                sessions.put(guest, session);
            }
            requireMediator(descriptor, xen, demux);
            return new XenGuestTarget(launched, demux, sessions, mailbox(descriptor));
        } catch (RuntimeException | InterruptedException e) {
            sessions.values().forEach(AgentSession::close);
            demux.close();
            throw e;
        }
    }

    /**
     * Greets a guest's agent within {@code bootTimeout}, giving up early once Xen has panicked (a
     * TEE mediator's probe that failed with {@code tee=} on its command line stops the boot before
     * any guest starts).
     */
    private static void greet(AgentSession session, Duration bootTimeout, XenConsoleDemultiplexer demux)
            throws InterruptedException {
        long deadline = System.nanoTime() + bootTimeout.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            try {
                session.handshake(left.compareTo(PANIC_POLL) < 0 ? left : PANIC_POLL);
                return;
            } catch (AgentProtocolException e) {
                boolean unanswered = e.getMessage() != null && e.getMessage().startsWith("no agent answered");
                // A session that failed (the firmware or Xen reported a crash) answers nothing more.
                if (!unanswered || System.nanoTime() >= deadline || session.channel().ended()
                        || session.failure().isPresent()
                        || demux.hypervisorLines().stream().anyMatch(line -> line.contains(XEN_PANIC))) {
                    throw e;
                }
            }
        }
    }

    /** Guests that are to have a mediator need a Xen that has it: otherwise the boot is refused with Xen's line. */
    private static void requireMediator(TargetDescriptor descriptor, XenSettings xen, XenConsoleDemultiplexer demux) {
        requireOptee(descriptor, xen, demux);
        if (xen.guests().stream().noneMatch(guest -> guest.tee() == XenGuest.Tee.FFA)) {
            return;
        }
        MediatorPresence.xenWithoutMediator(demux.hypervisorLines()).ifPresent(reason -> {
            throw new TargetException(descriptor.name() + ": " + reason + "; the descriptor gives guests the mediator"
                    + " (mediator: true): build Xen with CONFIG_TEE and CONFIG_FFA (README, \"Real Xen on QEMU\")");
        });
    }

    /**
     * Guests with {@code tee: optee} need Xen's OP-TEE mediator in front of an OP-TEE built for
     * virtualization; a Xen that panics without one never starts the guests, so this is also asked
     * when a guest does not answer.
     */
    private static void requireOptee(TargetDescriptor descriptor, XenSettings xen, XenConsoleDemultiplexer demux) {
        if (xen.guests().stream().noneMatch(guest -> guest.tee() == XenGuest.Tee.OPTEE)) {
            return;
        }
        OpteeMediatorPresence.missing(demux.hypervisorLines()).ifPresent(reason -> {
            throw new TargetException(descriptor.name() + ": " + reason + "; the descriptor gives guests OP-TEE"
                    + " (tee: optee) (README, \"Xen's OP-TEE mediator on QEMU\")" + xenLogTail(demux));
        });
    }

    /** The VM agents' TX and RX buffers: scratch pages 0 and 1 of each VM, as the normal-world agent's. */
    private static Optional<NormalWorldAgent.Mailbox> mailbox(TargetDescriptor descriptor) {
        return descriptor.ffa().map(scratch -> new NormalWorldAgent.Mailbox(scratch.page(0), scratch.page(1)));
    }

    private static String xenLogTail(XenConsoleDemultiplexer demux) {
        List<String> lines = demux.hypervisorLines();
        return "\n--- Xen's last lines ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** The first guest's agent session: the one the boot's single-agent callers talk to. */
    AgentSession firstSession() {
        return sessions.values().iterator().next();
    }

    /** Each guest's agent session, in domain order. */
    public Map<XenGuest, AgentSession> sessions() {
        return Map.copyOf(sessions);
    }

    /** Xen's own console lines of this boot. */
    public List<String> hypervisorLog() {
        return demux.hypervisorLines();
    }

    public XenConsoleDemultiplexer console() {
        return demux;
    }

    @Override
    public Map<EndpointId, AgentChannel> vmAgents() {
        return Map.copyOf(agents);
    }

    @Override
    public List<ConsoleEndpoint> consoles() {
        return launched.consoles();
    }

    @Override
    public boolean isAlive() {
        return launched.isAlive();
    }

    @Override
    public Map<String, String> imageHashes() {
        return launched.imageHashes();
    }

    @Override
    public String diagnostics() {
        return launched.diagnostics();
    }

    @Override
    public void close() {
        try {
            sessions.values().forEach(AgentSession::close);
            demux.close();
        } finally {
            launched.close();
        }
    }
}
