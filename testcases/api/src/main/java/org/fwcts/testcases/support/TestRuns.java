package org.fwcts.testcases.support;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runs open in this JVM, by an ID the launcher passes to the tests as the configuration
 * parameter {@value #PARAMETER}: a test finds the run that started it, and runs started one after
 * another (or side by side) never see each other's target.
 */
public final class TestRuns {
    /** The JUnit configuration parameter naming the run a test belongs to. */
    public static final String PARAMETER = "fwcts.run";
    private static final Map<String, TestRun> OPEN = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT = new AtomicLong();

    private TestRuns() {
    }

    /** Opens {@code run} to tests launched with the returned ID; {@link #close} ends that. */
    public static String open(TestRun run) {
        String id = newId();
        open(id, run);
        return id;
    }

    /**
     * An ID no run has had, for a launcher that discovers its tests (with the ID as their parameter)
     * before the run exists; {@link #open(String, TestRun)} then opens the run under it.
     */
    public static String newId() {
        return "run-" + NEXT.incrementAndGet();
    }

    /** Opens {@code run} to tests launched with {@code id} (from {@link #newId}); {@link #close} ends that. */
    public static void open(String id, TestRun run) {
        if (OPEN.putIfAbsent(id, run) != null) {
            throw new IllegalStateException("run ID " + id + " is open already");
        }
    }

    public static void close(String id) {
        OPEN.remove(id);
    }

    static Optional<TestRun> find(String id) {
        return Optional.ofNullable(OPEN.get(id));
    }
}
