package org.fwcts.harness.agent;

import java.nio.file.Path;
import org.fwcts.harness.console.Transcript;
import org.fwcts.harness.session.TargetSession;
import org.fwcts.model.Registers;
import org.fwcts.targets.Launchers;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.descriptor.DescriptorLoader;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The simulated machine's agent runs chains as the protocol says")
class SimulatedChainTests {
    /** FFA_ID_GET: the simulated SPMC answers it the same way every time. */
    private static final Registers ID_GET = Registers.of(0x8400_0069L);

    @TempDir
    Path dir;

    @Test
    @DisplayName("in order with one reply, stopping at a fault or an expectation that does not hold, refusing a bad chain whole")
    void chains() throws Exception {
        ProjectLayout layout = ProjectLayout.discover();
        TargetDescriptor descriptor = DescriptorLoader.load(layout.targetsDir().resolve("simulated-tfa.yaml"));
        try (TargetSession session = TargetSession.boot(descriptor, Launchers.forTarget(descriptor, layout), dir,
                Transcript.inMemory())) {
            new ChainChecks(session.agent(), 0x7000_0000L, 0x7ff_ff00_0000L, ID_GET).all();
        }
    }
}
