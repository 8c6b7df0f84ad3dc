package org.fwcts.model.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The actions proposed for the next step, each with a weight; draws one deterministically from a seeded source. */
public final class Proposals {
    private final List<Action> actions = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();
    private double scale = 1;

    /** Weights added from now on are multiplied by {@code factor} (the area's weight). */
    void scale(double factor) {
        scale = factor;
    }

    public void add(double weight, Action action) {
        if (weight > 0) {
            actions.add(action);
            weights.add(weight * scale);
        }
    }

    public boolean isEmpty() {
        return actions.isEmpty();
    }

    public int size() {
        return actions.size();
    }

    /** One action, chosen with probability proportional to its weight. */
    public Action draw(SplittableRandom random) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double point = random.nextDouble() * total;
        for (int i = 0; i < actions.size(); i++) {
            point -= weights.get(i);
            if (point < 0) {
                return actions.get(i);
            }
        }
        return actions.get(actions.size() - 1);
    }
}
