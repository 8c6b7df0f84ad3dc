package org.fwcts.harness.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.fwcts.harness.agent.FirmwareCrashLine;
import org.fwcts.harness.console.Consoles;
import org.fwcts.harness.console.LineChannel;
import org.fwcts.harness.console.Transcript;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.TargetDescriptor;

/**
 * A target's consoles after the agent's: the firmware's own UARTs (TF-A's crash console, OP-TEE's
 * log). Each is read on its own thread into the run's console log, and the crash reports it
 * shows are kept, so that a call waiting on firmware that crashed ends at once with the report
 * instead of running out its deadline. Reading them also keeps a UART whose output has nowhere
 * else to go from stalling the machine. Consoles the target reads itself (an FVP's drained
 * terminals) are taken line by line as it hands them on.
 */
final class FirmwareConsoles implements AutoCloseable {
    private static final java.time.Duration POLL = java.time.Duration.ofMillis(500);

    private final List<LineChannel> channels = new ArrayList<>();
    private final List<String> crashes = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private FirmwareConsoles() {
    }

    /** None: for a target whose only console is the agent's, and for a session that watches nothing else. */
    static FirmwareConsoles none() {
        return new FirmwareConsoles();
    }

    /**
     * Opens every console of {@code target} after the first, as {@code descriptor} names them.
     *
     * @throws TargetException naming the console that could not be opened; none is left open
     */
    static FirmwareConsoles open(TargetDescriptor descriptor, RunningTarget target, Transcript transcript) {
        FirmwareConsoles consoles = new FirmwareConsoles();
        List<ConsoleEndpoint> endpoints = target.consoles();
        try {
            for (ConsoleEndpoint endpoint : endpoints.subList(Math.min(1, endpoints.size()), endpoints.size())) {
                LineChannel channel = new LineChannel(Consoles.open(endpoint, descriptor.bootTimeout()), transcript);
                consoles.channels.add(channel);
                Thread watcher = new Thread(() -> consoles.watch(channel), "firmware-console-" + endpoint.name());
                watcher.setDaemon(true);
                watcher.start();
            }
            target.forwardOwnConsoles((console, line) -> consoles.forwarded(console, line, transcript));
            return consoles;
        } catch (IOException e) {
            consoles.close();
            throw new TargetException(descriptor.file() + ": consoles: " + e.getMessage(), e);
        }
    }

    /** Reads {@code channel} until it ends, keeping its crash reports; its lines reach the log as they are read. */
    private void watch(LineChannel channel) {
        try {
            while (!channel.ended()) {
                channel.next(POLL).flatMap(line -> FirmwareCrashLine.cause(line, channel.consoleName()))
                        .ifPresent(crashes::add);
            }
        } catch (InterruptedException e) {
            // Closed: the session is over.
        }
    }

    /** A line of a console the target reads itself: into the log, and kept if it is a crash report. */
    private void forwarded(String console, String line, Transcript transcript) {
        if (closed) {
            return;
        }
        byte[] bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        transcript.record(console, Transcript.Direction.RX, bytes, bytes.length);
        transcript.flush();
        FirmwareCrashLine.cause(line, console).ifPresent(crashes::add);
    }

    /** Why no call will return, from the first crash report any of these consoles shows from now on. */
    Supplier<Optional<String>> crashesFromNow() {
        int seen = crashes.size();
        return () -> crashes.size() > seen ? Optional.of(crashes.get(seen)) : Optional.empty();
    }

    @Override
    public void close() {
        closed = true;
        channels.forEach(LineChannel::close);
    }
}
