package org.fwcts.harness.pipeline;

import org.fwcts.harness.compare.Verdict;

/** One line of a run's call history, read back. */
public sealed interface HistoryLine {

    /** The line's number in the file, from 1, for errors that name it. */
    int line();

    /** A boot began: the model starts again from its fresh-boot state. */
    record Boot(int line, int boot, String reason) implements HistoryLine {
    }

    /** A call, as made and observed, written before it was judged. */
    record Call(int line, CallEntry entry) implements HistoryLine {
    }

    /** The verdict the run gave call {@code sequence}. */
    record Judged(int line, long sequence, Verdict verdict, String rule, String prediction) implements HistoryLine {
    }
}
