package org.fwcts.testcases.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;

/**
 * JUnit's discovery of a run's tests on a thread of its own, started before the target's
 * descriptor is read: it costs about as much CPU as reading the descriptor and preparing the
 * target, which the run's own thread does meanwhile on the other core.
 * Its errors (a bad tag expression, say) are thrown where the plan is taken, as if it had run
 * there. Closing waits for it to end, so that no discovery outlives a run that failed before taking
 * its plan.
 */
final class BackgroundDiscovery implements AutoCloseable {
    private final CompletableFuture<TestPlan> plan;

    private BackgroundDiscovery(CompletableFuture<TestPlan> plan) {
        this.plan = plan;
    }

    /** The discovery that completes {@code plan}, begun elsewhere (before the command line was parsed). */
    static BackgroundDiscovery of(CompletableFuture<TestPlan> plan) {
        return new BackgroundDiscovery(plan);
    }

    /** Starts discovering what {@code request} (built on the discovery's thread too) selects. */
    static BackgroundDiscovery start(Launcher launcher, Supplier<LauncherDiscoveryRequest> request) {
        BackgroundDiscovery discovery = new BackgroundDiscovery(new CompletableFuture<>());
        Thread thread = new Thread(() -> {
            try {
                TestPlan discovered = launcher.discover(request.get());
                StartupPhases.mark("discovery's own thread done");
                discovery.plan.complete(discovered);
            } catch (RuntimeException | Error e) {
                discovery.plan.completeExceptionally(e);
            }
        }, "fwcts-discovery");
        thread.setDaemon(true);
        thread.start();
        return discovery;
    }

    /** The discovered plan, once the discovery has ended; its error, thrown here. */
    TestPlan plan() {
        try {
            return plan.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Waits for the discovery to end, whatever its outcome. */
    @Override
    public void close() {
        plan.handle((done, error) -> null).join();
    }
}
