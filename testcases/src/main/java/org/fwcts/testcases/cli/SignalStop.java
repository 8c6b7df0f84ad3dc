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

    private final Path runDir;
    private final PrintStream out;
    private final AtomicReference<RunRecorder> recorder = new AtomicReference<>();
    private final Map<Signal, SignalHandler> previous = new java.util.HashMap<>();

    private SignalStop(Path runDir, PrintStream out) {
        this.runDir = runDir;
        this.out = out;
    }

    /** Handles the signals for the run in {@code runDir} until {@link #close}. */
    static SignalStop install(Path runDir, PrintStream out) {
        SignalStop stop = new SignalStop(runDir, out);
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            stop.previous.put(signal, Signal.handle(signal, stop::handle));
        }
        return stop;
    }

    /** The recorder whose summary a signal writes; before there is one, a signal only exits. */
    void recordWith(RunRecorder running) {
        recorder.set(running);
    }

    private void handle(Signal signal) {
        String reason = "interrupted by SIG" + signal.getName() + "; ./fwcts run --resume " + runDir + " runs the rest";
        RunRecorder running = recorder.get();
        if (running == null) {
            out.printf("%nFWCTS: %s (no test had run)%n", reason);
        } else {
            RunSummary summary = running.finish(reason);
            out.printf("%nFWCTS %s: %s — %d tests: %s%nSummary: %s%n", summary.runId(), summary.verdictLine(),
                    summary.tests().size(), summary.counts(), runDir.resolve("summary.md"));
        }
        out.flush();
        System.exit(FwctsCommand.ERROR_EXIT);
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
