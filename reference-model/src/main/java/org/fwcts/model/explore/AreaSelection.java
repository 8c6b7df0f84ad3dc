package org.fwcts.model.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which areas a run explores and how often each is drawn: {@code memory=3,rxtx} is memory at
 * weight 3 and rxtx at 1; empty is every area at weight 1.
 *
 * @param weights the chosen generators and their weights, in the order given
 */
public record AreaSelection(Map<AreaGenerator, Double> weights) {

    public AreaSelection {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /**
     * Reads {@code text} against the {@code available} generators.
     *
     * @throws IllegalArgumentException saying which area or weight is wrong and which areas exist
     */
    public static AreaSelection parse(String text, List<AreaGenerator> available) {
        Map<String, AreaGenerator> byName = new LinkedHashMap<>();
        available.forEach(g -> byName.put(g.area(), g));
        Map<AreaGenerator, Double> weights = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            available.forEach(g -> weights.put(g, 1.0));
            return new AreaSelection(weights);
        }
        for (String part : text.split(",")) {
            String entry = part.trim();
            String name = entry;
            double weight = 1;
            int equals = entry.indexOf('=');
            if (equals >= 0) {
                name = entry.substring(0, equals).trim();
                weight = weight(name, entry.substring(equals + 1).trim());
            }
            AreaGenerator generator = byName.get(name);
            if (generator == null) {
                throw new IllegalArgumentException("unknown area '" + name + "' (known: "
                        + String.join(", ", byName.keySet()) + ")");
            }
            weights.put(generator, weight);
        }
        return new AreaSelection(weights);
    }

    private static double weight(String area, String text) {
        try {
            double value = Double.parseDouble(text);
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("area '" + area + "': weight '" + text + "' is not a positive number", e);
        }
    }

    /** Every proposal of the selected areas for the next step, weighted. */
    public Proposals propose(ExploreContext context) {
        Proposals proposals = new Proposals();
        weights.forEach((generator, weight) -> {
            proposals.scale(weight);
            generator.propose(context, proposals);
        });
        return proposals;
    }

    /** The names, for the summary line. */
    public List<String> names() {
        return weights.keySet().stream().map(AreaGenerator::area).toList();
    }
}
