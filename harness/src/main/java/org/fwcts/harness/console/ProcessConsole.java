package org.fwcts.harness.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The standard input and output of a launched process, such as QEMU's {@code -serial stdio}. */
final class ProcessConsole implements Console {
    private final String name;
    private final InputStream fromTarget;
    private final OutputStream toTarget;

    ProcessConsole(String name, InputStream fromTarget, OutputStream toTarget) {
        this.name = name;
        this.fromTarget = fromTarget;
        this.toTarget = toTarget;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream input() {
        return fromTarget;
    }

    @Override
    public OutputStream output() {
        return toTarget;
    }

    @Override
    public void close() {
        try {
            toTarget.close();
        } catch (IOException e) {
            // The process is gone already: nothing left to close.
        }
    }
}
