package org.fwcts.testcases.cli;

import io.qameta.allure.junitplatform.AllurePostDiscoveryFilter;
import java.util.stream.Stream;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * JUnit's launcher for a run: the run's own listeners only, none found on the class path. Allure's
 * discovery filter, which keeps the tests of an Allure test plan, takes part only when a plan is
 * given (the environment variables Allure reads): it builds Allure's shaded JSON mapper when it
 * loads, a tenth of a second of every start, to learn there is no plan.
 */
final class RunLauncher {
    private static final String[] TEST_PLAN_VARIABLES = {"ALLURE_TESTPLAN_PATH", "AS_TESTPLAN_PATH"};

    private RunLauncher() {
    }

    static Launcher create() {
        LauncherConfig.Builder config = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false);
        if (testPlanGiven()) {
            config.addPostDiscoveryFilters(new AllurePostDiscoveryFilter());
        }
        return LauncherFactory.create(config.build());
    }

    private static boolean testPlanGiven() {
        return Stream.of(TEST_PLAN_VARIABLES).map(System::getenv).anyMatch(value -> value != null && !value.isEmpty());
    }
}
