package org.fwcts.model;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fwcts.model.ffa.FfaRules;
import org.fwcts.model.psci.PsciRules;
import org.fwcts.model.smccc.SmcccRules;

/**
 * Every rule the model can cite, by ID: what reports use to name a rule's document and section.
 *
 * <p>The rules are the {@code public static final Rule} constants of the per-interface rule
 * classes, so a rule added there is listed here without being named twice.
 */
public final class RuleCatalog {
    private static final Map<String, Rule> BY_ID = collect(SmcccRules.class, PsciRules.class, FfaRules.class);

    private RuleCatalog() {
    }

    public static Optional<Rule> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** All rules, ordered by ID. */
    public static Map<String, Rule> all() {
        return BY_ID;
    }

    private static Map<String, Rule> collect(Class<?>... holders) {
        Map<String, Rule> rules = new TreeMap<>();
        Stream.of(holders).flatMap(holder -> Stream.of(holder.getFields()))
                .filter(field -> field.getType() == Rule.class && Modifier.isStatic(field.getModifiers()))
                .map(RuleCatalog::read)
                .forEach(rule -> rules.put(rule.id(), rule));
        return java.util.Collections.unmodifiableMap(rules);
    }

    private static Rule read(Field field) {
        try {
            return (Rule) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("rule constant " + field + " is not readable", e);
        }
    }
}
