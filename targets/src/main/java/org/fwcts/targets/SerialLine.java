package org.fwcts.targets;

import java.util.Locale;

/**
 * How a serial line is framed: baud rate, parity and flow control, with eight data bits and one
 * stop bit (what every UART FWCTS knows of uses).
 *
 * @param baudRate bits per second; a pseudo-terminal ignores it
 * @param parity the parity bit
 * @param flowControl hardware (RTS/CTS), software (XON/XOFF) or none
 */
public record SerialLine(int baudRate, Parity parity, FlowControl flowControl) {

    /** 115200 8N1 without flow control, the usual firmware console. */
    public static final SerialLine DEFAULT = new SerialLine(115200, Parity.NONE, FlowControl.NONE);

    /** The parity bit of each character. */
    public enum Parity { NONE, EVEN, ODD }

    /** How the two ends pace each other. */
    public enum FlowControl { NONE, RTSCTS, XONXOFF }

    /** The enum constant of {@code type} named {@code text} in any case, if there is one. */
    public static <E extends Enum<E>> java.util.Optional<E> parse(Class<E> type, String text) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text.toUpperCase(Locale.ROOT))) {
                return java.util.Optional.of(value);
            }
        }
        return java.util.Optional.empty();
    }
}
