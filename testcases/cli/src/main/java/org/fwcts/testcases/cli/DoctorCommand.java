package org.fwcts.testcases.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.fwcts.targets.Executables;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.descriptor.FirmwareSpec;
import org.fwcts.targets.descriptor.TargetCatalog;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.image.ImageManifest;
import org.fwcts.testcases.support.TestRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fwcts doctor}: checks what a target needs, and says how to fix what is missing. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check Java, QEMU, the cross compiler, the agent image, the target descriptor and what its kind needs.")
final class DoctorCommand implements Callable<Integer> {
    private static final int JAVA_FEATURE = 17;

    @Option(names = {"-t", "--target"}, defaultValue = "qemu-virt", description = "Target to check. Default: ${DEFAULT-VALUE}.")
    String target;

    /** One check: a name, and a probe that returns what was found or throws with how to fix it. */
    private record Check(String name, Supplier<String> probe) {
    }

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.discover();
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("Java " + JAVA_FEATURE + "+", DoctorCommand::java));
        checks.add(new Check("make", () -> tool("make", "apt-get install make")));
        checks.add(new Check("AArch64 cross compiler", () -> tool("aarch64-linux-gnu-gcc", "apt-get install gcc-aarch64-linux-gnu")));
        checks.add(new Check("target " + target, () -> {
            TargetDescriptor descriptor = new TargetCatalog(layout.targetsDir()).find(target);
            return descriptor.file() + " (profile " + TestRun.profileOf(descriptor).name() + ")"
                    + String.join("", descriptor.warnings().stream().map(w -> "; warning: " + w).toList());
        }));
        if (descriptorLoads(layout)) {
            // The checks below read the descriptor: without one they would each repeat its error.
            checks.addAll(descriptorChecks(layout));
        }
        int problems = 0;
        for (Check check : checks) {
            problems += report(check);
        }
        System.out.println(problems == 0 ? "Everything " + target + " needs is in place." : problems + " problem(s) found.");
        return problems == 0 ? 0 : FwctsCommand.ERROR_EXIT;
    }

    private boolean descriptorLoads(ProjectLayout layout) {
        try {
            new TargetCatalog(layout.targetsDir()).find(target);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private List<Check> descriptorChecks(ProjectLayout layout) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("agent image", () -> {
            TargetDescriptor descriptor = new TargetCatalog(layout.targetsDir()).find(target);
            if (descriptor.agentImageName().isEmpty()) {
                return "not needed by this " + descriptor.kind().name() + " target";
            }
            var image = ImageManifest.load(layout.imageManifest()).image(descriptor.agentImage());
            return image.file() + " sha256 " + image.sha256().substring(0, 16) + "…";
        }));
        checks.add(new Check("fiptool (only for bl1 + fip firmware)", () -> {
            TargetDescriptor descriptor = new TargetCatalog(layout.targetsDir()).find(target);
            if (!(descriptor.firmware() instanceof FirmwareSpec.Bl1AndFip)) {
                return "not needed by this target";
            }
            return tool("fiptool", "apt-get install arm-trusted-firmware-tools");
        }));
        checks.addAll(kindChecks(layout));
        return checks;
    }

    /** What only this kind of target needs (QEMU's binary; a board's console, power and deployment; an FVP's model), from its kind. */
    private List<Check> kindChecks(ProjectLayout layout) {
        TargetDescriptor descriptor;
        try {
            descriptor = new TargetCatalog(layout.targetsDir()).find(target);
        } catch (RuntimeException e) {
            return List.of();
        }
        return descriptor.kind().checks(descriptor).stream().map(check -> new Check(check.name(), check.probe())).toList();
    }

    private static int report(Check check) {
        try {
            System.out.printf("[ ok ] %-40s %s%n", check.name(), check.probe().get());
            return 0;
        } catch (RuntimeException e) {
            System.out.printf("[FAIL] %-40s %s%n", check.name(), e.getMessage());
            return 1;
        }
    }

    private static String java() {
        int feature = Runtime.version().feature();
        if (feature < JAVA_FEATURE) {
            throw new IllegalStateException("Java " + feature + " found; install openjdk-17-jdk-headless");
        }
        return System.getProperty("java.home") + " (Java " + feature + ")";
    }

    private static String tool(String name, String fix) {
        return Executables.find(name).map(Object::toString)
                .orElseThrow(() -> new IllegalStateException(name + " not found on PATH; fix: " + fix));
    }
}
