package org.fwcts.testcases.ffa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.TransactionType;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.descriptor.TargetCatalog;
import org.fwcts.testcases.support.TestRun;
import org.fwcts.testcases.support.FfaFirmware;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test that stops half-way leaves memory lent and retrieved; the run puts it right before the next test. */
@DisplayName("Clean-up between FF-A tests (on the simulated target)")
class CleanUpSelfTests {

    @TempDir
    Path runDir;

    @Test
    @DisplayName("memory a partition still holds is relinquished and reclaimed, on the same boot")
    void givesBackHeldMemory() {
        ProjectLayout layout = ProjectLayout.discover();
        try (TestRun run = TestRun.prepare(new TargetCatalog(layout.targetsDir()).find("simulated-tfa"),
                layout, runDir)) {
            FfaFirmware ffa = run.ffa();
            MemoryScenario scenario = new MemoryScenario(ffa, 1);
            long handle = MemoryRetrieval.handle(scenario.send(TransactionType.LEND, AccessPermissions.RW, 0));
            scenario.retrieve(handle, TransactionType.LEND, AccessPermissions.RW_NX, 0);
            assertThat(ffa.state().memory().transaction(handle)).isPresent();

            run.afterTest("a test that stopped half-way");
            run.beforeTest(Optional.empty());

            assertThat(run.ffa().state().memory().transactions()).isEmpty();
            assertThat(run.ffa().distrust()).isEmpty();
            assertThat(run.boots()).hasSize(1);
        }
    }
}
