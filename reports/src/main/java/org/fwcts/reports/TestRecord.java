package org.fwcts.reports;

import java.util.List;

/**
 * The result of one test as the reports show it.
 *
 * @param id the JUnit unique ID
 * @param name the readable name, container names joined with " › "
 * @param tags the test's tags (areas and {@code rule:} tags)
 * @param status how it ended
 * @param durationMillis how long it ran
 * @param message the failure message (with the register table), the error, or the skip reason
 */
public record TestRecord(String id, String name, List<String> tags, TestStatus status, long durationMillis, String message) {
    public TestRecord {
        tags = List.copyOf(tags);
    }

    /** The spec rules the test is tagged with, without the {@code rule:} prefix. */
    public List<String> rules() {
        return tags.stream().filter(t -> t.startsWith("rule:")).map(t -> t.substring(5)).toList();
    }
}
