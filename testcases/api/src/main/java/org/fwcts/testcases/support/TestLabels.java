package org.fwcts.testcases.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The Allure labels a conformance test's tags give it: its area ({@code smccc}, {@code psci},
 * {@code ffa}) and the rules it checks. Allure's Behaviors view groups by epic (the interface)
 * and story (the rule).
 *
 * @param labels label name and value pairs, in a stable order
 */
record TestLabels(List<Map.Entry<String, String>> labels) {
    /** Interfaces by area tag, as the reports name them. */
    private static final Map<String, String> INTERFACES = Map.of("smccc", "SMCCC", "psci", "PSCI", "ffa", "FF-A");
    private static final String RULE_PREFIX = "rule:";

    static TestLabels of(Set<String> tags) {
        List<Map.Entry<String, String>> labels = new ArrayList<>();
        for (String tag : new TreeSet<>(tags)) {
            if (tag.startsWith(RULE_PREFIX)) {
                labels.add(Map.entry("story", tag.substring(RULE_PREFIX.length())));
            } else if (INTERFACES.containsKey(tag)) {
                labels.add(Map.entry("area", tag));
                labels.add(Map.entry("epic", INTERFACES.get(tag)));
            }
        }
        return new TestLabels(List.copyOf(labels));
    }

    void forEach(BiConsumer<String, String> label) {
        labels.forEach(entry -> label.accept(entry.getKey(), entry.getValue()));
    }
}
