package org.fwcts.targets.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.OutputTail;
import org.fwcts.targets.Ports;
import org.fwcts.targets.ProcessReaper;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.ConsoleSpec;
import org.fwcts.targets.descriptor.FirmwareSpec;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.image.AgentFip;
import org.fwcts.targets.image.AgentImage;
import org.fwcts.targets.image.ImageManifest;

/** Starts {@code qemu-system-aarch64} with the agent, and optionally user-supplied secure firmware. */
public final class QemuLauncher implements TargetLauncher {
    private static final Pattern PTY_LINE = Pattern.compile("char device redirected to (\\S+) \\(label (con\\d+)\\)");
    /** A pseudo-terminal has no baud rate; this value only satisfies the serial API. */
    private static final int PTY_BAUD = 115200;

    private final ImageManifest images;
    private AssembledFlash lastFlash;

    public QemuLauncher(ImageManifest images) {
        this.images = images;
    }

    @Override
    public RunningTarget launch(TargetDescriptor target, Path workDir) {
        Path binary = QemuBinary.check(target).path();
        AgentImage agent = images.image(target.agentImage());
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("agent:" + agent.name(), agent.sha256());
        QemuCommandLine command = new QemuCommandLine(binary, target.settings(QemuSettings.class));
        target.settings(QemuSettings.class).dataDir().ifPresent(command::dataDir);
        bootImages(target, agent, workDir, command, hashes);
        List<ConsoleSpec> consoles = withPorts(target);
        for (int i = 0; i < consoles.size(); i++) {
            command.console(i, consoles.get(i));
        }
        command.extra(target.settings(QemuSettings.class).extraArgs());
        // A fresh boot resets this process's machine instead of starting another QEMU, which costs
        // most of a boot's time (TargetSession.rebootInPlace).
        Optional<QmpReset> qmp = QmpSockets.create();
        qmp.ifPresent(reset -> command.qmp(reset.socket()));
        try {
            return start(target, ProcessReaper.diesWithHarness(command.args()), consoles, hashes, qmp);
        } catch (RuntimeException e) {
            qmp.ifPresent(reset -> QmpSockets.delete(reset.socket()));
            throw e;
        }
    }

    /**
     * Starts QEMU as {@code settings} say with {@code bootArgs} (firmware, images, device tree) and
     * the descriptor's consoles, for a kind that boots something else than the agent image on QEMU.
     */
    public static RunningTarget launchWith(TargetDescriptor target, QemuSettings settings, List<String> bootArgs,
            Map<String, String> hashes) {
        Path binary = QemuBinary.check(target, settings).path();
        QemuCommandLine command = new QemuCommandLine(binary, settings);
        settings.dataDir().ifPresent(command::dataDir);
        command.extra(bootArgs);
        List<ConsoleSpec> consoles = withPorts(target);
        for (int i = 0; i < consoles.size(); i++) {
            command.console(i, consoles.get(i));
        }
        command.extra(settings.extraArgs());
        return start(target, ProcessReaper.diesWithHarness(command.args()), consoles, hashes, Optional.empty());
    }

    private void bootImages(TargetDescriptor target, AgentImage agent, Path workDir, QemuCommandLine command,
            Map<String, String> hashes) {
        FirmwareSpec firmware = target.firmware();
        if (!(firmware instanceof FirmwareSpec.None) && !target.settings(QemuSettings.class).secure()) {
            throw new TargetException(target.file() + ": qemu.machine: secure firmware needs EL3: add secure=on to '"
                    + target.settings(QemuSettings.class).machine() + "'");
        }
        if (firmware instanceof FirmwareSpec.Bios bios) {
            hashes.put("firmware:bios", AgentImage.sha256Of(bios.image()));
            command.bios(bios.image()).preload(agent.file());
        } else if (firmware instanceof FirmwareSpec.Bl1AndFip tfa) {
            command.bios(flash(target, tfa, agent, workDir, hashes));
        } else {
            command.kernel(agent.file());
        }
    }

    /**
     * The flash image with the agents placed, assembled in {@code workDir}, or the one an earlier
     * boot of this launcher assembled from the same, unchanged files (assembling runs fiptool and
     * hashes every input: a cost each fresh boot of a run would pay again).
     */
    private synchronized Path flash(TargetDescriptor target, FirmwareSpec.Bl1AndFip tfa, AgentImage agent, Path workDir,
            Map<String, String> hashes) {
        Map<String, String> partitionHashes = new LinkedHashMap<>();
        Optional<AgentFip.PartitionImages> partition = AgentFip.partition(target, images, partitionHashes);
        List<Path> inputs = new ArrayList<>(List.of(tfa.bl1(), tfa.fip(), agent.file()));
        partition.ifPresent(p -> inputs.addAll(List.of(p.image(), p.manifest())));
        List<String> stamps = stamps(inputs);
        if (lastFlash != null && lastFlash.stamps().equals(stamps) && Files.isRegularFile(lastFlash.flash())) {
            hashes.putAll(lastFlash.hashes());
            return lastFlash.flash();
        }
        Map<String, String> built = new LinkedHashMap<>();
        built.put("firmware:bl1", AgentImage.sha256Of(tfa.bl1()));
        built.put("firmware:fip", AgentImage.sha256Of(tfa.fip()));
        built.putAll(partitionHashes);
        Path flash = FlashImage.assemble(tfa.bl1(), tfa.fip(), agent.file(), partition, workDir);
        lastFlash = new AssembledFlash(stamps, flash, built);
        hashes.putAll(built);
        return flash;
    }

    /** Each file's path, size and modification time: what says it is unchanged, without reading it. */
    private static List<String> stamps(List<Path> files) {
        List<String> stamps = new ArrayList<>();
        for (Path file : files) {
            try {
                stamps.add(file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
            } catch (IOException e) {
                stamps.add(file + " unreadable"); // assembling reports it
            }
        }
        return stamps;
    }

    /** A flash image and the files it was assembled from, as they were then. */
    private record AssembledFlash(List<String> stamps, Path flash, Map<String, String> hashes) {
        AssembledFlash {
            hashes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
        }
    }

    /** Fixed ports must be free now; "auto" ports get a free one. */
    private static List<ConsoleSpec> withPorts(TargetDescriptor target) {
        List<ConsoleSpec> resolved = new ArrayList<>();
        for (ConsoleSpec console : target.consoles()) {
            boolean network = console.kind().network();
            if (network && console.port() != 0 && !Ports.isFree(console.host(), console.port())) {
                throw new TargetException(target.file() + ": consoles." + console.name() + ".port: port "
                        + console.port() + " on " + console.host() + " is already in use");
            }
            int port = network && console.port() == 0 ? Ports.free(console.host()) : console.port();
            resolved.add(console.withPort(port));
        }
        return resolved;
    }

    private static RunningTarget start(TargetDescriptor target, List<String> args, List<ConsoleSpec> consoles,
            Map<String, String> hashes, Optional<QmpReset> qmp) {
        boolean stdio = consoles.stream().anyMatch(c -> c.kind() == ConsoleSpec.Kind.STDIO);
        Process process;
        try {
            process = ProcessReaper.track(new ProcessBuilder(args).redirectErrorStream(!stdio).start());
        } catch (IOException e) {
            throw new TargetException("cannot start " + args.get(0) + ": " + e.getMessage(), e);
        }
        OutputTail diagnostics = new OutputTail(stdio ? process.getErrorStream() : process.getInputStream(),
                "qemu-" + process.pid() + "-diagnostics");
        QemuInstance instance = new QemuInstance(process, List.of(), hashes, diagnostics, Optional.empty());
        try {
            List<ConsoleEndpoint> endpoints = new ArrayList<>();
            for (int i = 0; i < consoles.size(); i++) {
                endpoints.add(endpoint(consoles.get(i), i, process, diagnostics, target));
            }
            return new QemuInstance(process, endpoints, hashes, diagnostics, qmp);
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
    }

    private static ConsoleEndpoint endpoint(ConsoleSpec console, int index, Process process, OutputTail diagnostics,
            TargetDescriptor target) {
        return switch (console.kind()) {
            case STDIO -> new ConsoleEndpoint.ProcessStdio(console.name(), process.getInputStream(), process.getOutputStream());
            case TCP -> new ConsoleEndpoint.Network(console.name(), console.host(), console.port(), false);
            case TELNET -> new ConsoleEndpoint.Network(console.name(), console.host(), console.port(), true);
            case PTY -> new ConsoleEndpoint.Serial(console.name(), ptyPath(index, process, diagnostics, target), PTY_BAUD);
            case SERIAL -> throw new TargetException(target.file() + ": consoles." + console.name()
                    + ".kind: a QEMU target has no host serial device; use stdio, tcp, telnet or pty");
        };
    }

    private static String ptyPath(int index, Process process, OutputTail diagnostics, TargetDescriptor target) {
        long deadline = System.nanoTime() + target.bootTimeout().toNanos();
        try {
            String label = "con" + index + ")";
            String line = diagnostics.await(label, deadline);
            Matcher match = line == null ? null : PTY_LINE.matcher(line);
            if (match == null || !match.find()) {
                throw new TargetException("QEMU did not report the pseudo-terminal of console " + index
                        + (process.isAlive() ? "" : " (QEMU exited: " + diagnostics.text() + ")"));
            }
            return match.group(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while waiting for QEMU", e);
        }
    }
}
