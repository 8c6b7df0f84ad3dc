package org.fwcts.harness.console;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.fwcts.targets.SerialLine;

/** A serial device (a USB UART, a pseudo-terminal) through jSerialComm, eight data bits, one stop bit. */
final class SerialConsole implements Console {
    /** Reads wake this often to notice that the console was closed. */
    private static final int READ_POLL_MILLIS = 200;

    private final String name;
    private final SerialPort port;
    private final InputStream in;
    private volatile boolean closed;

    SerialConsole(String name, String device, SerialLine line) throws IOException {
        this.name = name;
        try {
            this.port = SerialPort.getCommPort(device);
        } catch (RuntimeException e) {
            // jSerialComm refuses a path that does not exist (yet): a board without power, a UART mid re-enumeration.
            throw new IOException("no serial device at " + device, e);
        }
        port.setComPortParameters(line.baudRate(), 8, SerialPort.ONE_STOP_BIT, switch (line.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
        });
        port.setFlowControl(switch (line.flowControl()) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case RTSCTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case XONXOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        });
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_POLL_MILLIS, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open serial device " + device + " (error " + port.getLastErrorCode() + ")");
        }
        this.in = new PollingInput(port.getInputStream());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return port.getOutputStream();
    }

    @Override
    public void close() {
        closed = true;
        port.closePort();
    }

    /** Turns jSerialComm's read time-outs into waiting, and a closed port into end of stream. */
    private final class PollingInput extends InputStream {
        private final InputStream delegate;

        PollingInput(InputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            while (!closed) {
                try {
                    return delegate.read();
                } catch (SerialPortTimeoutException e) {
                    // No byte yet: keep waiting until the console is closed.
                } catch (IOException e) {
                    if (closed) {
                        break;
                    }
                    throw e;
                }
            }
            return -1;
        }

        /** Returns what has arrived (at least a byte), not a full buffer: the reader splits lines as they come. */
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (!closed) {
                try {
                    int count = delegate.read(buffer, offset, length);
                    if (count != 0) {
                        return count;
                    }
                } catch (SerialPortTimeoutException e) {
                    // No byte yet: keep waiting until the console is closed.
                } catch (IOException e) {
                    if (closed) {
                        break;
                    }
                    throw e;
                }
            }
            return -1;
        }
    }
}
