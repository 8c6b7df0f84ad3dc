package org.fwcts.targets.testkind;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.ConsoleSpec;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.descriptor.YamlNode;
import org.fwcts.targets.spi.DoctorCheck;
import org.fwcts.targets.spi.KindRules;
import org.fwcts.targets.spi.KindSettings;
import org.fwcts.targets.spi.TargetKind;

/**
 * A target kind that exists only in the self-tests, added the way a new kind is: this package
 * and one line in {@code META-INF/services}. Its "target" is a loopback server that greets each
 * connection with the descriptor's {@code loopback.greeting}; it boots no agent image.
 */
public final class LoopbackKind implements TargetKind {
    private static final KindRules RULES = KindRules.launched(List.of(ConsoleSpec.Kind.TCP))
            .withTimeouts(Duration.ofSeconds(7), Duration.ofSeconds(3)).asSimulation();

    /** The kind's own section. */
    public record LoopbackSettings(String greeting) implements KindSettings {
    }

    @Override
    public String name() {
        return "loopback";
    }

    @Override
    public KindRules rules() {
        return RULES;
    }

    @Override
    public KindSettings read(YamlNode descriptor) {
        YamlNode section = descriptor.mapping(name()).allowOnly(Set.of("greeting"));
        return new LoopbackSettings(section.string("greeting"));
    }

    @Override
    public TargetLauncher launcher(TargetDescriptor descriptor, ProjectLayout layout) {
        return LoopbackKind::launch;
    }

    @Override
    public List<DoctorCheck> checks(TargetDescriptor descriptor) {
        return List.of(new DoctorCheck("loopback greeting", () -> descriptor.settings(LoopbackSettings.class).greeting()));
    }

    private static RunningTarget launch(TargetDescriptor descriptor, Path workDir) {
        byte[] greeting = (descriptor.settings(LoopbackSettings.class).greeting() + "\n").getBytes(StandardCharsets.UTF_8);
        ServerSocket server;
        try {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread greeter = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept(); OutputStream out = socket.getOutputStream()) {
                    out.write(greeting);
                } catch (IOException e) {
                    return;
                }
            }
        }, "loopback-target");
        greeter.setDaemon(true);
        greeter.start();
        String console = descriptor.agentConsole().name();
        return new RunningTarget() {
            @Override
            public List<ConsoleEndpoint> consoles() {
                return List.of(new ConsoleEndpoint.Network(console, "127.0.0.1", server.getLocalPort(), false));
            }

            @Override
            public boolean isAlive() {
                return !server.isClosed();
            }

            @Override
            public Map<String, String> imageHashes() {
                return Map.of();
            }

            @Override
            public String diagnostics() {
                return "";
            }

            @Override
            public void close() {
                try {
                    server.close();
                } catch (IOException e) {
                    // Closing twice or after a failed accept is harmless.
                }
            }
        };
    }
}
