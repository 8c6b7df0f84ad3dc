package org.fwcts.reports;

import java.util.List;

/** One piece of a summary page, laid out once and rendered as Markdown and as HTML. */
sealed interface SummaryBlock {

    /** A section title; level 1 is the page title. */
    record Heading(int level, String text) implements SummaryBlock {
    }

    /**
     * The run's overall verdict, e.g. {@code FAIL}, with its line, e.g. {@code PASS (1 failure waived)}
     * or {@code PASS — SIMULATED target, not a conformance result}.
     */
    record Verdict(String verdict, String line) implements SummaryBlock {
    }

    record Paragraph(String text) implements SummaryBlock {
    }

    /** A table; cells that are IDs, hashes or names of things are shown as code. */
    record Table(List<String> header, List<List<String>> rows) implements SummaryBlock {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** Text shown as written, such as a register table. */
    record Preformatted(String text) implements SummaryBlock {
    }
}
