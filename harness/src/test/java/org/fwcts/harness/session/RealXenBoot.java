package org.fwcts.harness.session;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fwcts.harness.console.Transcript;
import org.fwcts.targets.Launchers;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.descriptor.DescriptorLoader;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.junit.jupiter.api.Assumptions;

/**
 * Boots one of the shipped real-Xen descriptors for a test class, or skips the class with the
 * reason when the environment does not name the Xen image and the TF-A build folder: FWCTS ships
 * neither.
 */
final class RealXenBoot {

    private RealXenBoot() {
    }

    /**
     * @param descriptorFile the descriptor under targets/
     * @param xenVariable the variable naming the Xen image
     * @param tfaVariable the variable naming the TF-A build folder (bl1.bin, fip.bin)
     * @param readme where the README says what these images must provide
     */
    static TargetSession boot(String descriptorFile, String xenVariable, String tfaVariable, String readme, Path dir)
            throws Exception {
        String image = System.getenv(xenVariable);
        String tfa = System.getenv(tfaVariable);
        Assumptions.assumeTrue(image != null && Files.isReadable(Path.of(image)),
                xenVariable + " does not name a readable Xen image (README, \"" + readme + "\")");
        Assumptions.assumeTrue(tfa != null && Files.isReadable(Path.of(tfa, "bl1.bin")),
                tfaVariable + " does not name a TF-A build folder with bl1.bin and fip.bin (README, \"" + readme + "\")");
        ProjectLayout layout = ProjectLayout.discover();
        TargetDescriptor descriptor = DescriptorLoader.load(layout.targetsDir().resolve(descriptorFile));
        return TargetSession.boot(descriptor, Launchers.forTarget(descriptor, layout), dir,
                Transcript.toFile(dir.resolve("console.log")));
    }
}
