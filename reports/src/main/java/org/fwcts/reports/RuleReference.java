package org.fwcts.reports;

/**
 * Where a rule comes from, as a summary cites it.
 *
 * @param id the rule's ID, e.g. {@code SMCCC.FID_W0}
 * @param document the specification and its version, e.g. {@code DEN0028 v1.6 (SMCCC)}
 * @param section the section of that document
 */
public record RuleReference(String id, String document, String section) {
}
