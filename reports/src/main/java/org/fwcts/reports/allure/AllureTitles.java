package org.fwcts.reports.allure;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * How the report names and groups a test, as Allure's listener does: its history ID, its title
 * path and its suite. A class's names are worked out once, not once per test.
 */
final class AllureTitles {
    private final Map<Class<?>, ClassNames> classNames = new HashMap<>();
    private final MessageDigest md5;

    AllureTitles() {
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5, which Allure's history IDs use", e);
        }
    }

    String historyId(String uniqueId) {
        return new BigInteger(1, md5.digest(uniqueId.getBytes(StandardCharsets.UTF_8))).toString(16);
    }

    /**
     * The package's parts, the class and its enclosing classes, then the containers of {@code plan}
     * (null when no plan runs) between class and test.
     */
    List<String> titlePath(TestPlan plan, TestIdentifier test, Optional<Class<?>> testClass) {
        List<String> path = new ArrayList<>();
        testClass.ifPresent(type -> path.addAll(classNames(type).titlePath()));
        if (plan != null) {
            List<String> between = new ArrayList<>();
            for (Optional<TestIdentifier> p = plan.getParent(test); p.isPresent(); p = plan.getParent(p.get())) {
                TestIdentifier node = p.get();
                if (node.getParentId().isPresent() && !node.isTest()
                        && !(node.getSource().orElse(null) instanceof ClassSource)) {
                    between.add(0, node.getDisplayName());
                }
            }
            path.addAll(between);
        }
        path.removeIf(part -> part == null || part.isEmpty());
        return path;
    }

    /** The suite label of a test of {@code type}: the class's display name, else its canonical name. */
    String suite(Class<?> type) {
        return classNames(type).suite();
    }

    private ClassNames classNames(Class<?> type) {
        return classNames.computeIfAbsent(type, c -> {
            List<String> path = new ArrayList<>();
            Package pkg = c.getPackage();
            if (pkg != null) {
                path.addAll(List.of(pkg.getName().split("\\.")));
            }
            List<String> classes = new ArrayList<>();
            for (Class<?> enclosing = c; enclosing != null; enclosing = enclosing.getDeclaringClass()) {
                classes.add(0, displayName(enclosing).orElse(enclosing.getSimpleName()));
            }
            path.addAll(classes);
            return new ClassNames(List.copyOf(path), displayName(c).orElse(c.getCanonicalName()));
        });
    }

    private static Optional<String> displayName(Class<?> type) {
        return Optional.ofNullable(type.getAnnotation(DisplayName.class)).map(DisplayName::value);
    }

    /** A test class's title path (package parts, enclosing classes, itself) and suite label. */
    private record ClassNames(List<String> titlePath, String suite) {
    }

    /** The class a test or container comes from, when its source names one that loads. */
    static Optional<Class<?>> testClass(TestSource source) {
        if (source instanceof ClassSource type) {
            return Optional.of(type.getJavaClass());
        }
        if (source instanceof MethodSource method) {
            try {
                return Optional.of(method.getJavaClass());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
