package org.fwcts.model.explore;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** The actions proposed for the next step, each with a weight; draws one deterministically from a seeded source. */
public final class Proposals {
    /** Each an {@link Action} or a {@code Supplier<Action>} that makes one only if it is drawn. */
    private Object[] actions = new Object[128];
    private double[] weights = new double[128];
    private int size;
    private double scale = 1;

    /** Weights added from now on are multiplied by {@code factor} (the area's weight). */
    void scale(double factor) {
        scale = factor;
    }

    public void add(double weight, Action action) {
        put(weight, action);
    }

    /**
     * Proposes the action {@code action} makes, made only if it is drawn: a step proposes a hundred
     * actions and draws one, so making (and looking up) the others is most of its cost.
     */
    public void addLazily(double weight, Supplier<Action> action) {
        put(weight, action);
    }

    private void put(double weight, Object action) {
        if (weight > 0) {
            if (size == actions.length) {
                actions = Arrays.copyOf(actions, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            actions[size] = action;
            weights[size] = weight * scale;
            size++;
        }
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    /** One action, chosen with probability proportional to its weight. */
    public Action draw(SplittableRandom random) {
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += weights[i];
        }
        double point = random.nextDouble() * total;
        for (int i = 0; i < size; i++) {
            point -= weights[i];
            if (point < 0) {
                return made(actions[i]);
            }
        }
        return made(actions[size - 1]);
    }

    @SuppressWarnings("unchecked")
    private static Action made(Object proposal) {
        return proposal instanceof Action action ? action : ((Supplier<Action>) proposal).get();
    }
}
