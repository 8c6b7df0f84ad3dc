package org.fwcts.reports;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Shows a run's progress: tests done out of the total, the current test, failures so far,
 * elapsed and estimated time.
 *
 * <p>On a terminal ({@link Mode#LIVE}) one status line is rewritten in place and only tests
 * that failed or broke get lines of their own (skipped ones are counted; the run's end lists
 * them by reason). Elsewhere ({@link Mode#PLAIN}: CI logs, pipes) every finished test prints one
 * plain line and nothing is rewritten. In both, a failed or broken test's line is followed by
 * its reason and deciding rule.
 */
public final class ProgressPrinter implements TestExecutionListener {
    /** Erases from the cursor to the end of the line (ECMA-48 EL). */
    static final String ERASE_LINE = "\u001b[K";
    private static final int DEFAULT_WIDTH = 120;

    /** How progress is shown. */
    public enum Mode {
        /** A status line rewritten in place, for a terminal. */
        LIVE,
        /** One line per finished test, for logs. */
        PLAIN;

        /** LIVE when standard input and output are a terminal that is not "dumb", else PLAIN. */
        public static Mode detect() {
            return System.console() != null && !"dumb".equals(System.getenv("TERM")) ? LIVE : PLAIN;
        }
    }

    private final PrintStream out;
    private final Clock clock;
    private final Mode mode;
    private final int width;
    private TestPlan plan;
    private Instant started;
    private int done;
    private int known;
    private int open;
    private int notPassed;
    private int skipped;
    private String current;

    public ProgressPrinter(PrintStream out, Clock clock, Mode mode, int width) {
        this.out = out;
        this.clock = clock;
        this.mode = mode;
        this.width = width;
    }

    /** A printer for this process's console: the detected mode, the width from {@code COLUMNS}. */
    public static ProgressPrinter forConsole(PrintStream out, Clock clock, Mode mode) {
        int width = DEFAULT_WIDTH;
        try {
            width = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "" + DEFAULT_WIDTH));
        } catch (NumberFormatException e) {
            // Not a number: keep the default, a progress line is no reason to stop a run.
        }
        return new ProgressPrinter(out, clock, mode, width);
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        started = clock.instant();
        known = (int) testPlan.countTestIdentifiers(TestIdentifier::isTest);
        open = (int) testPlan.countTestIdentifiers(node -> isTemplate(node) && testPlan.getChildren(node).isEmpty());
    }

    @Override
    public synchronized void dynamicTestRegistered(TestIdentifier test) {
        if (test.isTest()) {
            known++;
        }
    }

    @Override
    public synchronized void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            current = TestNames.of(plan, test);
            redraw();
        } else if (isTemplate(test)) {
            // From here on its cases are registered one by one as they run.
            open--;
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
        if (TestNames.countsAsTest(plan, test)) {
            if (!test.isTest()) {
                open--;
                known++;
            }
            finished(TestStatus.SKIPPED, test, reason);
        }
        plan.getChildren(test).forEach(child -> executionSkipped(child, reason));
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            String message = result.getThrowable().map(RunRecorder::describe).orElse(null);
            finished(RunRecorder.status(result), test, message);
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (mode == Mode.LIVE) {
            out.print("\r" + ERASE_LINE + state().counter() + " done in " + ProgressState.clock(elapsed()) + ", "
                    + notPassed + " not passed" + (skipped > 0 ? ", " + skipped + " skipped" : "") + System.lineSeparator());
            out.flush();
        }
    }

    private void finished(TestStatus status, TestIdentifier test, String message) {
        done++;
        boolean notPassing = status == TestStatus.FAILED || status == TestStatus.BROKEN;
        if (notPassing) {
            notPassed++;
        } else if (status == TestStatus.SKIPPED) {
            skipped++;
        }
        current = null;
        if (mode == Mode.PLAIN || notPassing) {
            String prefix = mode == Mode.LIVE ? "\r" + ERASE_LINE : "";
            String reason = status == TestStatus.SKIPPED ? message : null;
            out.print(prefix + state().plainLine(status, TestNames.of(plan, test), reason) + System.lineSeparator());
            if (notPassing) {
                List<String> rules = TestNames.tags(plan, test).stream().filter(t -> t.startsWith("rule:"))
                        .map(t -> t.substring(5)).toList();
                out.print("      " + FailureReason.of(message, rules).line() + System.lineSeparator());
            }
        }
        redraw();
    }

    private void redraw() {
        if (mode == Mode.LIVE) {
            out.print("\r" + state().liveLine(current, width) + ERASE_LINE);
        }
        out.flush();
    }

    private ProgressState state() {
        return new ProgressState(done, known, Math.max(0, open), notPassed, elapsed());
    }

    private Duration elapsed() {
        return started == null ? Duration.ZERO : Duration.between(started, clock.instant());
    }

    private static boolean isTemplate(TestIdentifier node) {
        return node.isContainer() && node.getSource().filter(MethodSource.class::isInstance).isPresent();
    }
}
