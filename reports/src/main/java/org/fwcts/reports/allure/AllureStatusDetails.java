package org.fwcts.reports.allure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.fwcts.targets.text.UntrustedText;
import org.opentest4j.AssertionFailedError;

/**
 * A status's message, trace and compared values, as Allure keeps them. The report renders them as
 * HTML, so they are escaped when written: a message may quote the target.
 */
record AllureStatusDetails(String message, String trace, String actual, String expected) {
    /** Characters of a stack trace kept in the report. */
    private static final int TRACE_LIMIT = 100_000;

    static AllureStatusDetails of(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        String actual = null;
        String expected = null;
        if (thrown instanceof AssertionFailedError compared) {
            actual = compared.isActualDefined() ? String.valueOf(compared.getActual()) : null;
            expected = compared.isExpectedDefined() ? String.valueOf(compared.getExpected()) : null;
        }
        return new AllureStatusDetails(Optional.ofNullable(thrown.getMessage()).orElse(thrown.getClass().getName()),
                trace.toString(), actual, expected);
    }

    /** These details with the message and trace of {@code later} where it has them. */
    AllureStatusDetails updatedBy(AllureStatusDetails later) {
        if (later == null) {
            return this;
        }
        return new AllureStatusDetails(later.message != null ? later.message : message,
                later.trace != null ? later.trace : trace, actual, expected);
    }

    void write(AllureJson json) {
        json.beginObject("statusDetails").field("known", false).field("muted", false).field("flaky", false)
                .field("message", html(message, UntrustedText.BLOCK_LIMIT)).field("trace", html(trace, TRACE_LIMIT))
                .field("actual", html(actual, UntrustedText.BLOCK_LIMIT))
                .field("expected", html(expected, UntrustedText.BLOCK_LIMIT)).endObject();
    }

    private static String html(String text, int limit) {
        return text == null ? null : UntrustedText.html(text, limit);
    }
}
