package org.fwcts.targets;

import java.io.InputStream;
import java.io.OutputStream;

/** Where a running target's console can be reached; the harness opens a console on it. */
public sealed interface ConsoleEndpoint {

    String name();

    /** The standard input and output of a process the target launched. */
    record ProcessStdio(String name, InputStream fromTarget, OutputStream toTarget) implements ConsoleEndpoint {
    }

    /** A TCP listener; {@code telnet} when it speaks the telnet protocol. */
    record Network(String name, String host, int port, boolean telnet) implements ConsoleEndpoint {
    }

    /** A serial device (a UART adapter or a pseudo-terminal) and how its line is framed. */
    record Serial(String name, String device, SerialLine line) implements ConsoleEndpoint {

        /** A device at {@code baudRate}, no parity, no flow control. */
        public Serial(String name, String device, int baudRate) {
            this(name, device, new SerialLine(baudRate, SerialLine.Parity.NONE, SerialLine.FlowControl.NONE));
        }

        public int baudRate() {
            return line.baudRate();
        }
    }
}
