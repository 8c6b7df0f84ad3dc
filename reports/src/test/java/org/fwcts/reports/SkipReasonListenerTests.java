package org.fwcts.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@DisplayName("The skip-reason listener of the self-tests")
class SkipReasonListenerTests {
    /** Surefire does not run this class (its name does not end in Tests); the test's own launcher does. */
    static class Sample {
        @Test
        void runs() {
        }

        @Test
        void needsATool() {
            Assumptions.assumeTrue(false, "needs socat");
        }

        @Disabled("not on this machine")
        @Test
        void disabled() {
        }
    }

    @Test
    @DisplayName("prints each skipped or aborted test with its reason, and nothing for a test that ran")
    void printsReasons() {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                    .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Sample.class)).build(),
                            new SkipReasonListener());
        } finally {
            System.setOut(original);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactlyInAnyOrder(
                "[SKIPPED] SkipReasonListenerTests$Sample.needsATool: Assumption failed: needs socat",
                "[SKIPPED] SkipReasonListenerTests$Sample.disabled: not on this machine");
    }
}
