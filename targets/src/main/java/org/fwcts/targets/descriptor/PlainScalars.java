package org.fwcts.targets.descriptor;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The text a scalar value stands for (a mapping's keys are taken as written). A quoted or block scalar, or one with a tag, is its text; a plain
 * one is read as YAML 1.1 types it, as descriptors have always been read: {@code ~}, {@code null}
 * or nothing is null, {@code yes}/{@code on}/{@code true} (any of the three capitalisations)
 * {@code true} and their opposites {@code false}, an integer in binary, octal ({@code 010}),
 * decimal or hex, with a sign and {@code _} separators, its decimal value, a decimal fraction or
 * exponent its Java double.
 */
final class PlainScalars {
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUES = Set.of("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON");
    private static final Set<String> FALSES = Set.of("false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF");
    private static final Pattern INTEGER = Pattern.compile(
            "[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|0|[1-9][0-9_]*)");
    private static final Pattern FRACTION = Pattern.compile(
            "[-+]?(?:[0-9][0-9_]*(?:\\.[0-9_]*)?|\\.[0-9_]+)(?:[eE][-+]?[0-9]+)?");

    private PlainScalars() {
    }

    static String value(ScalarEvent event) {
        String text = event.getValue();
        if (!event.isPlain() || event.getTag() != null) {
            return text;
        }
        if (NULLS.contains(text)) {
            return null;
        }
        if (TRUES.contains(text)) {
            return "true";
        }
        if (FALSES.contains(text)) {
            return "false";
        }
        try {
            if (INTEGER.matcher(text).matches()) {
                return integer(text.replace("_", ""));
            }
            if (FRACTION.matcher(text).matches() && (text.contains(".") || text.contains("e") || text.contains("E"))) {
                return Double.toString(Double.parseDouble(text.replace("_", "")));
            }
        } catch (NumberFormatException e) {
            // only separators where digits should be ("0b_"): not a number after all
        }
        return text;
    }

    private static String integer(String text) {
        boolean negative = text.startsWith("-");
        String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        BigInteger value;
        if (digits.startsWith("0b")) {
            value = new BigInteger(digits.substring(2), 2);
        } else if (digits.startsWith("0x")) {
            value = new BigInteger(digits.substring(2), 16);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            value = new BigInteger(digits.substring(1), 8);
        } else {
            value = new BigInteger(digits);
        }
        return (negative ? value.negate() : value).toString();
    }
}
