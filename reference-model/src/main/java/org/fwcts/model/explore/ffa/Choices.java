package org.fwcts.model.explore.ffa;

import org.fwcts.model.explore.Action;
import org.fwcts.model.ffa.FfaFunction;

/** Small helpers the FF-A generators share: function registers, the peer of a caller, reading parameters. */
final class Choices {

    private Choices() {
    }

    static long smc32(FfaFunction function) {
        return function.id().register();
    }

    static long smc64(FfaFunction function) {
        return function.smc64().orElseThrow().register();
    }

    /** The SMC32 or SMC64 form, as the {@code conduit} parameter (32 or 64) says. */
    static long form(FfaFunction function, Action action) {
        return "32".equals(action.param("conduit", "64")) || function.smc64().isEmpty() ? smc32(function)
                : smc64(function);
    }

    static int integer(Action action, String name, String fallback) {
        String text = action.param(name, fallback);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(action.area() + "." + action.kind() + ": parameter '" + name + "': '"
                    + text + "' is not a number", e);
        }
    }

    static <E extends Enum<E>> E enumValue(Action action, String name, Class<E> type) {
        String text = action.param(name);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(action.area() + "." + action.kind() + ": parameter '" + name + "': '"
                    + text + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()), e);
        }
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
