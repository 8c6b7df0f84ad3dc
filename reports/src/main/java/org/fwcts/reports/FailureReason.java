package org.fwcts.reports;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure or an error in one line for the console: what the target did wrong and the rule that
 * decided it, taken from the message the reports keep in full (with its register table).
 *
 * @param reason the line of the message that says what happened
 * @param rule the deciding rule, or the test's rules when the message names none; empty if neither
 */
public record FailureReason(String reason, String rule) {
    private static final Pattern DECIDING_RULE = Pattern.compile("^deciding rule (\\S+)");
    /** The opening line of every check failure: true of all of them, so it tells nothing apart. */
    private static final String GENERIC_OPENING = "contradicts the model";
    private static final int MAX_LENGTH = 200;

    /** The reason of a test that ended with {@code message}, tagged with {@code rules}. */
    public static FailureReason of(String message, List<String> rules) {
        List<String> lines = message == null ? List.of() : message.strip().lines().map(String::strip).toList();
        String rule = String.join(", ", rules);
        String reason = lines.isEmpty() ? "(no message)" : lines.get(0);
        for (int i = 0; i < lines.size(); i++) {
            Matcher deciding = DECIDING_RULE.matcher(lines.get(i));
            if (deciding.find()) {
                rule = deciding.group(1);
                if (i > 0) {
                    reason = lines.get(i - 1);
                }
                break;
            }
        }
        if (reason.endsWith(GENERIC_OPENING) && lines.size() > 1) {
            reason = lines.get(1);
        }
        return new FailureReason(shortened(reason), rule);
    }

    /** The rule that decided the failure {@code message} reports, when the message names one (its check's table). */
    public static java.util.Optional<String> decidingRule(String message) {
        if (message == null) {
            return java.util.Optional.empty();
        }
        return message.lines().map(String::strip).map(DECIDING_RULE::matcher).filter(Matcher::find)
                .map(deciding -> deciding.group(1)).findFirst();
    }

    /** {@code reason [rule]}, or the reason alone. */
    public String line() {
        // The reason may quote the target (a panic, an error code): shown with its control characters made visible.
        return org.fwcts.targets.text.UntrustedText.line(rule.isEmpty() ? reason : reason + " [" + rule + "]");
    }

    private static String shortened(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }
}
