package org.fwcts.reports;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a run is: tests done out of those known, failures so far, time spent and the estimate
 * of time left. Pure formatting, so the progress output can be tested without a run.
 *
 * @param done tests finished (including skipped)
 * @param known tests known so far
 * @param open parameterized tests whose cases are not known yet; the total is then a lower bound
 * @param notPassed tests that failed or broke so far
 * @param elapsed time since the run started
 */
public record ProgressState(int done, int known, int open, int notPassed, Duration elapsed) {

    /** The total as far as it is known: the known tests, plus one for each parameterized test not yet expanded. */
    public int total() {
        return Math.max(done, known + open);
    }

    /** {@code [ 12/73]}, or {@code [ 12/41+]} while parameterized tests may still add cases. */
    public String counter() {
        int width = Integer.toString(total()).length();
        return String.format("[%" + width + "d/%d%s]", done, total(), open > 0 ? "+" : "");
    }

    /** Time left at the pace so far; empty before the first test finishes. */
    public Optional<Duration> remaining() {
        if (done == 0) {
            return Optional.empty();
        }
        return Optional.of(elapsed.multipliedBy(total() - done).dividedBy(done));
    }

    /** {@code 0:05 elapsed, ~0:25 left}; the estimate is a lower bound ({@code >0:25}) while the total is. */
    public String timing() {
        String left = remaining().map(d -> (open > 0 ? ", >" : ", ~") + clock(d) + " left").orElse("");
        return clock(elapsed) + " elapsed" + left;
    }

    /** One line for a log: counter, status, test, reason, and where the run is. */
    public String plainLine(TestStatus status, String test, String reason) {
        return String.format("%s %-7s %s%s   (%s, %d not passed)", counter(), status, test,
                reason == null ? "" : " — " + org.fwcts.targets.text.UntrustedText.line(reason), timing(), notPassed);
    }

    /**
     * The status line a terminal keeps rewriting, within {@code width - 1} columns. A long test
     * name loses its start, since its end (the case) tells tests apart.
     */
    public String liveLine(String currentTest, int width) {
        String head = String.format("%s %d not passed | %s | ", counter(), notPassed, timing());
        String test = currentTest == null ? "" : currentTest;
        int room = width - 1 - head.length();
        if (test.length() > room) {
            test = room > 1 ? "…" + test.substring(test.length() - room + 1) : "";
        }
        return head + test;
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds >= 3600) {
            return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
