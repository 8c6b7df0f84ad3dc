package org.fwcts.reports.allure;

import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.ExecutableItem;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fwcts.targets.text.UntrustedText;

/**
 * Writes Allure results with target-supplied text made safe on the way: the report page
 * renders a test's status message and trace as HTML (through its ANSI colouring helper), so
 * both are escaped; text attachments get their control characters made visible and are
 * bounded in size.
 */
public final class UntrustedTextResultsWriter implements AllureResultsWriter {
    /** Characters of a stack trace kept in the report. */
    private static final int TRACE_LIMIT = 100_000;
    private final AllureResultsWriter delegate;

    public UntrustedTextResultsWriter(AllureResultsWriter delegate) {
        this.delegate = delegate;
    }

    @Override
    public void write(TestResult result) {
        clean(result);
        delegate.write(result);
    }

    @Override
    public void write(TestResultContainer container) {
        container.getBefores().forEach(UntrustedTextResultsWriter::clean);
        container.getAfters().forEach(UntrustedTextResultsWriter::clean);
        delegate.write(container);
    }

    @Override
    public void write(String source, InputStream attachment) {
        if (!isText(source)) {
            delegate.write(source, attachment);
            return;
        }
        try (InputStream in = attachment) {
            // One byte past the limit's worth of four-byte characters is enough to know the text was cut.
            byte[] head = in.readNBytes(UntrustedText.ATTACHMENT_LIMIT * 4 + 1);
            long rest = in.transferTo(java.io.OutputStream.nullOutputStream());
            String text = UntrustedText.lines(new String(head, StandardCharsets.UTF_8), UntrustedText.ATTACHMENT_LIMIT)
                    + (rest > 0 ? "\n[... " + rest + " more bytes not shown]" : "");
            delegate.write(source, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the attachment " + source, e);
        }
    }

    private static boolean isText(String source) {
        return source.endsWith(".txt") || source.endsWith(".log");
    }

    private static void clean(ExecutableItem item) {
        StatusDetails details = item.getStatusDetails();
        if (details != null) {
            details.setMessage(html(details.getMessage(), UntrustedText.BLOCK_LIMIT));
            details.setTrace(html(details.getTrace(), TRACE_LIMIT));
            details.setActual(html(details.getActual(), UntrustedText.BLOCK_LIMIT));
            details.setExpected(html(details.getExpected(), UntrustedText.BLOCK_LIMIT));
        }
        List<StepResult> steps = item.getSteps();
        if (steps != null) {
            steps.forEach(UntrustedTextResultsWriter::clean);
        }
    }

    private static String html(String text, int limit) {
        return text == null ? null : UntrustedText.html(text, limit);
    }
}
