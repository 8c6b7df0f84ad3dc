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

    // equals and hashCode written out, with the record's own meaning (every component): the
    // generated ones are bootstrapped through method handles on first use, a few dozen classes
    // spun at every start, since the profiles put rules into sets.
    @Override
    public boolean equals(Object other) {
        return other instanceof Rule rule && id.equals(rule.id) && document.equals(rule.document)
                && section.equals(rule.section) && statement.equals(rule.statement);
    }

    @Override
    public int hashCode() {
        // The generated one's value (each component's hash folded in by 31 from 0), so hashed sets keep their order.
        return ((id.hashCode() * 31 + document.hashCode()) * 31 + section.hashCode()) * 31 + statement.hashCode();
    }

    @Override
    public String toString() {
        return id + " (" + citation() + ")";
    }
}
