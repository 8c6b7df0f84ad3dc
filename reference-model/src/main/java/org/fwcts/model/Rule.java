package org.fwcts.model;

import java.util.Objects;

/**
 * A specification rule that a prediction rests on.
 *
 * @param id short identifier used in test tags and reports, e.g. {@code PSCI.VERSION}
 * @param document the specification, e.g. {@code DEN0022 (PSCI)}
 * @param section the section of that document, by title
 * @param statement the rule in one sentence
 */
public record Rule(String id, String document, String section, String statement) {
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(statement, "statement");
    }

    /** The citation a report prints: document and section. */
    public String citation() {
        return document + ", " + section;
    }

    @Override
    public String toString() {
        return id + " (" + citation() + ")";
    }
}
