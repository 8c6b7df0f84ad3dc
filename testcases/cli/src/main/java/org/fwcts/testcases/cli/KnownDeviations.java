package org.fwcts.testcases.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.fwcts.reports.RunSummary;
import org.fwcts.targets.descriptor.TargetCatalog;

/**
 * Points a failing run at the waiver file shipped beside its target descriptor
 * ({@code targets/qemu-virt.waivers.yaml} next to {@code qemu-virt.yaml}): the known deviations of
 * an emulator's firmware stand-in, with their justification, which a user should not mistake for
 * news about their own firmware.
 */
final class KnownDeviations {
    private KnownDeviations() {
    }

    /** The hint for {@code summary} of a run on {@code descriptor}; empty unless it failed without waivers and such a file exists. */
    static Optional<String> hint(Path descriptor, RunSummary summary, Path workingDir) {
        if (!"FAIL".equals(summary.verdict()) || summary.waivers().file().isPresent()) {
            return Optional.empty();
        }
        String name = descriptor.getFileName().toString();
        Path waivers = descriptor.resolveSibling(name.substring(0, name.length() - ".yaml".length())
                + TargetCatalog.WAIVERS_SUFFIX);
        if (!name.endsWith(".yaml") || !Files.isRegularFile(waivers)) {
            return Optional.empty();
        }
        Path shown = waivers.startsWith(workingDir) ? workingDir.relativize(waivers) : waivers;
        return Optional.of("Known deviations of this target's emulator are listed, with their justification, in " + shown
                + "; to apply them: ./fwcts run --waivers " + shown);
    }
}
