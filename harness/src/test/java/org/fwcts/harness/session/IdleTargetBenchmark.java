package org.fwcts.harness.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.fwcts.harness.console.Transcript;
import org.fwcts.targets.Launchers;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.descriptor.TargetCatalog;
import org.fwcts.targets.descriptor.TargetDescriptor;

/**
 * Prints how much host CPU a booted target's QEMU takes while its agent waits for a command: for
 * each agent image named (none: the descriptor's own), boots the target with it as a run would,
 * then reads the QEMU process's CPU time (user and system, to the clock tick) before and after
 * SECONDS of idling. The images take turns for ROUNDS rounds, so that a change of the machine's
 * load weighs on each. The firmware comes from the descriptor (FWCTS_TFA etc. as for a run).
 *
 * <pre>
 * FWCTS_TFA=… mvn -B -q -pl harness exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   "-Dexec.args=-cp %classpath org.fwcts.harness.session.IdleTargetBenchmark qemu-tfa 60 2 agent-bl33 agent-bl33-qemu"
 * </pre>
 */
public final class IdleTargetBenchmark {
    private IdleTargetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: IdleTargetBenchmark TARGET [SECONDS [ROUNDS [IMAGE...]]]");
            System.exit(2);
        }
        ProjectLayout layout = ProjectLayout.discover();
        TargetDescriptor descriptor = new TargetCatalog(layout.targetsDir()).find(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        List<String> images = args.length > 3 ? List.of(args).subList(3, args.length) : List.of(descriptor.agentImage());
        for (int round = 1; round <= rounds; round++) {
            for (String image : images) {
                measure(withImage(descriptor, image), layout, seconds);
            }
        }
    }

    private static TargetDescriptor withImage(TargetDescriptor d, String image) {
        return new TargetDescriptor(d.file(), d.name(), d.kind(), d.profile(), d.profileOverrides(), d.settings(),
                d.ffa(), Optional.of(image), d.partitionAgent(), d.firmware(), d.consoles(), d.bootTimeout(),
                d.commandTimeout(), d.recoveryAttempts(), d.warnings());
    }

    private static void measure(TargetDescriptor descriptor, ProjectLayout layout, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("fwcts-idle");
        try (TargetSession session = TargetSession.boot(descriptor, Launchers.forTarget(descriptor, layout), dir,
                Transcript.toFile(dir.resolve("console.log")))) {
            ProcessHandle qemu = ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().orElse("").contains("qemu-system"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no QEMU among this process's children"));
            Duration before = cpu(qemu);
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            Duration used = cpu(qemu).minus(before);
            System.out.printf("%s with %s: QEMU used %.2f s of CPU in %.1f s idle; load average %s%n",
                    descriptor.name(), descriptor.agentImage(), used.toMillis() / 1000.0,
                    (System.nanoTime() - start) / 1e9, Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0]);
        }
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + process.pid()));
    }
}
