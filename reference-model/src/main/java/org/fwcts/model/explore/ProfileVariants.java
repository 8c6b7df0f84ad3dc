package org.fwcts.model.explore;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fwcts.model.ffa.spmc.FfaSystem;
import org.fwcts.model.ffa.spmc.SpmcProfile;
import org.fwcts.model.profile.Profile;
import org.fwcts.model.profile.SpmcProfiles;

/**
 * The profile with one implementation-defined choice changed to the value another known SPMC
 * profile gives it: what a divergence is judged against to tell a profile choice the target made
 * differently from a deviation no known choice admits. A choice is a field of a choice group
 * ({@code memory.handleScheme}), or a whole top-level field ({@code versionPolicy}).
 */
public final class ProfileVariants {

    /**
     * One changed choice.
     *
     * @param field the profile field, e.g. {@code memory.retrieveCounting}
     * @param from the profile whose value it takes
     * @param value that value, as text
     * @param profile the whole profile with it
     */
    public record Variant(String field, String from, String value, Profile profile) {
    }

    private ProfileVariants() {
    }

    /** Every single-field variant of {@code profile}'s SPMC choices towards each other known SPMC profile. */
    public static List<Variant> of(Profile profile) {
        List<Variant> variants = new ArrayList<>();
        if (profile.ffa().isEmpty()) {
            return variants;
        }
        FfaSystem system = profile.ffa().get();
        SpmcProfile base = system.spmc();
        for (String name : SpmcProfiles.names()) {
            SpmcProfile other = SpmcProfiles.named(name).orElseThrow();
            if (other.name().equals(base.name())) {
                continue;
            }
            for (RecordComponent group : SpmcProfile.class.getRecordComponents()) {
                if (group.getName().equals("name") || group.getName().equals("description")) {
                    continue;
                }
                Object mine = read(group, base);
                Object theirs = read(group, other);
                if (Objects.equals(mine, theirs)) {
                    continue;
                }
                if (mine != null && mine.getClass().isRecord()) {
                    for (RecordComponent field : mine.getClass().getRecordComponents()) {
                        Object value = read(field, theirs);
                        if (!Objects.equals(read(field, mine), value)) {
                            Object changedGroup = replace(mine, field.getName(), value);
                            SpmcProfile changed = replace(base, group.getName(), changedGroup);
                            variants.add(new Variant(group.getName() + "." + field.getName(), other.name(),
                                    String.valueOf(value), profile.withFfa(java.util.Optional.of(system.withSpmc(changed)))));
                        }
                    }
                } else {
                    SpmcProfile changed = replace(base, group.getName(), theirs);
                    variants.add(new Variant(group.getName(), other.name(), String.valueOf(theirs),
                            profile.withFfa(java.util.Optional.of(system.withSpmc(changed)))));
                }
            }
        }
        return variants;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    /** A copy of {@code record} with the component {@code name} set to {@code value}. */
    @SuppressWarnings("unchecked")
    private static <R> R replace(R record, String name, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(name) ? value : read(components[i], record);
        }
        try {
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return (R) canonical.newInstance(values);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot change " + name + " of " + record.getClass().getSimpleName(), e);
        }
    }
}
