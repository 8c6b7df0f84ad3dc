package org.fwcts.reports.allure;

import io.qameta.allure.Allure;
import java.util.function.Supplier;

/**
 * What a test adds to its own report entry: labels and text attachments. In a run of the CLI they
 * go to the run's {@link AllureResultsListener}, which builds an attachment's text only when it
 * writes the result; elsewhere (a test started from an IDE, where Allure's own listener is
 * registered) they go to Allure's API.
 */
public final class TestReport {
    private static volatile AllureResultsListener active;

    private TestReport() {
    }

    /** Adds the label {@code name} = {@code value} to the current test. */
    public static void label(String name, String value) {
        AllureResultsListener listener = active;
        if (listener != null) {
            listener.label(name, value);
        } else {
            Allure.label(name, value);
        }
    }

    /**
     * Attaches plain text to the current test (or the fixture running); {@code extension} (".txt",
     * ".log") names the file's kind. {@code text} is asked for once, when the result is written.
     */
    public static void attach(String name, String extension, Supplier<String> text) {
        AllureResultsListener listener = active;
        if (listener != null) {
            listener.attach(name, extension, text);
        } else {
            Allure.addAttachment(name, "text/plain", text.get(), extension);
        }
    }

    static void activate(AllureResultsListener listener) {
        active = listener;
    }

    static void deactivate(AllureResultsListener listener) {
        if (active == listener) {
            active = null;
        }
    }
}
