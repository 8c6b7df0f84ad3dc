package org.fwcts.testcases.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.fwcts.reports.RunRecorder;
import org.fwcts.reports.RunSummary;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ends a run on SIGINT (Ctrl-C) or SIGTERM the way the README promises: the summary is written
 * with the signal as its run error, and the process exits with 2 (no verdict). The emulators
 * stop in the shutdown hook that exit runs. The previous handlers come back when the run ends.
 */
final class SignalStop implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    /** The recorder of the run and its folder, once there is one. */
    private record Recording(RunRecorder recorder, Path runDir) {
    }

    private final PrintStream out;
    private final AtomicReference<Recording> recording = new AtomicReference<>();
    private final Map<Signal, SignalHandler> previous = new java.util.HashMap<>();

    private SignalStop(PrintStream out) {
        this.out = out;
    }

    /** Handles the signals until {@link #close}. */
    static SignalStop install(PrintStream out) {
        SignalStop stop = new SignalStop(out);
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            stop.previous.put(signal, Signal.handle(signal, stop::handle));
        }
        return stop;
    }

    /** The recorder whose summary a signal writes, for the run in {@code runDir}; before there is one, a signal only exits. */
    void recordWith(RunRecorder recorder, Path runDir) {
        recording.set(new Recording(recorder, runDir));
    }

    private void handle(Signal signal) {
        Recording running = recording.get();
        if (running == null) {
            out.printf("%nFWCTS: interrupted by SIG%s before any test ran%n", signal.getName());
        } else {
            Path runDir = running.runDir();
            String reason = "interrupted by SIG" + signal.getName() + "; ./fwcts run --resume " + runDir + " runs the rest";
            RunSummary summary = running.recorder().finish(reason);
            out.printf("%nFWCTS %s: %s — %d tests: %s%nSummary: %s%n", summary.runId(), summary.verdictLine(),
                    summary.tests().size(), summary.counts(), runDir.resolve(org.fwcts.reports.RunFiles.SUMMARY_MD));
        }
        out.flush();
        System.exit(FwctsCommand.ERROR_EXIT);
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
