package org.fwcts.model.firmware;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fwcts.model.Rule;
import org.fwcts.model.ffa.FfaRules;
import org.fwcts.model.ffa.discovery.DiscoveryRules;
import org.fwcts.model.ffa.discovery.PartitionInfoRules;
import org.fwcts.model.ffa.memory.DescriptorRules;
import org.fwcts.model.ffa.memory.MemoryRules;
import org.fwcts.model.ffa.memory.ReleaseRules;
import org.fwcts.model.ffa.memory.RetrieveRules;
import org.fwcts.model.ffa.memory.SendRules;
import org.fwcts.model.ffa.messaging.CpuCycleRules;
import org.fwcts.model.ffa.messaging.DirectMessagingRules;
import org.fwcts.model.ffa.messaging.IndirectMessageRules;
import org.fwcts.model.ffa.messaging.MsgSend2Rules;
import org.fwcts.model.ffa.notification.NotificationRules;
import org.fwcts.model.ffa.rxtx.MailboxRules;
import org.fwcts.model.mediator.MediatorRules;
import org.fwcts.model.psci.PsciRules;
import org.fwcts.model.rmm.RmmRules;
import org.fwcts.model.smccc.SmcccRules;

/**
 * Every rule the model can cite, by ID: what reports use to name a rule's document and section,
 * and what waiver files are checked against.
 *
 * <p>The rules are the {@code public static final Rule} constants of the rule classes listed in
 * {@link #HOLDERS}, so a rule added to one of them is listed here without being named twice. A new
 * rule class must be added to {@link #HOLDERS}; RuleCatalogTests scans every compiled model class
 * for Rule constants and fails when one is missing here.
 */
public final class RuleCatalog {
    /** The classes whose Rule constants are the catalogue. */
    static final List<Class<?>> HOLDERS = List.of(
            SmcccRules.class,
            PsciRules.class,
            FfaRules.class,
            DiscoveryRules.class,
            PartitionInfoRules.class,
            MailboxRules.class,
            DirectMessagingRules.class,
            IndirectMessageRules.class,
            MsgSend2Rules.class,
            CpuCycleRules.class,
            MemoryRules.class,
            DescriptorRules.class,
            SendRules.class,
            RetrieveRules.class,
            ReleaseRules.class,
            NotificationRules.class,
            MediatorRules.class,
            org.fwcts.model.mediator.optee.OpteeRules.class,
            RmmRules.class);

    private static final Map<String, Rule> BY_ID = collect(HOLDERS);

    private RuleCatalog() {
    }

    public static Optional<Rule> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** All rules, ordered by ID. */
    public static Map<String, Rule> all() {
        return BY_ID;
    }

    private static Map<String, Rule> collect(List<Class<?>> holders) {
        Map<String, Rule> rules = new TreeMap<>();
        holders.stream().flatMap(holder -> Stream.of(holder.getFields()))
                .filter(field -> field.getType() == Rule.class && Modifier.isStatic(field.getModifiers()))
                .forEach(field -> {
                    Rule rule = read(field);
                    Rule earlier = rules.putIfAbsent(rule.id(), rule);
                    // Two different rules under one ID would make a report cite the wrong one.
                    if (earlier != null && !earlier.equals(rule)) {
                        throw new IllegalStateException("rule ID " + rule.id() + " is defined twice, differently: "
                                + earlier + " and " + rule + " (" + field + ")");
                    }
                });
        return Collections.unmodifiableMap(rules);
    }

    private static Rule read(Field field) {
        try {
            return (Rule) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("rule constant " + field + " is not readable", e);
        }
    }
}
