package org.fwcts.harness.console;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A byte stream to and from a target: a UART, a telnet console server, a model's terminal, a
 * launched process. Nothing above this interface knows which.
 */
public interface Console extends AutoCloseable {

    /** The console's role on its target, e.g. {@code agent}. */
    String name();

    /** Bytes from the target. A read blocks until data arrives and returns -1 once the console is closed. */
    InputStream input();

    /** Bytes to the target. */
    OutputStream output();

    @Override
    void close();
}
