package org.fwcts.targets;

import java.util.Map;

/** A target that is a process the harness launched (an emulator or a model): alive while it runs, stopped on close. */
public abstract class ProcessTarget implements RunningTarget {
    protected final Process process;
    private final Map<String, String> imageHashes;
    private final String kind;

    protected ProcessTarget(String kind, Process process, Map<String, String> imageHashes) {
        this.kind = kind;
        this.process = process;
        this.imageHashes = Map.copyOf(imageHashes);
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public Map<String, String> imageHashes() {
        return imageHashes;
    }

    /** Stops the process and its children: politely first, then forcibly. */
    @Override
    public void close() {
        ProcessReaper.stop(process);
    }

    @Override
    public String toString() {
        return kind + " pid " + process.pid();
    }
}
