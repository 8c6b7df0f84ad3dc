package org.fwcts.reports;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** Readable names and inherited tags of tests in a test plan. */
final class TestNames {
    private static final String SEPARATOR = " › ";

    private TestNames() {
    }

    /** The display names from the outermost class down to the test, joined. */
    static String of(TestPlan plan, TestIdentifier test) {
        Deque<String> names = new ArrayDeque<>();
        for (Optional<TestIdentifier> at = Optional.of(test); at.isPresent(); at = plan.getParent(at.get())) {
            if (at.get().getParentId().isPresent()) {
                names.addFirst(at.get().getDisplayName());
            }
        }
        return String.join(SEPARATOR, names);
    }

    /**
     * True for what the reports count as one test: a test, or a test template (a parameterized
     * test) that was skipped before it produced its cases.
     */
    static boolean countsAsTest(TestPlan plan, TestIdentifier node) {
        return node.isTest() || (node.isContainer() && plan.getChildren(node).isEmpty()
                && node.getSource().filter(org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance).isPresent());
    }

    /** The test's tags, including those its classes carry. */
    static List<String> tags(TestPlan plan, TestIdentifier test) {
        java.util.Set<String> tags = new java.util.TreeSet<>();
        for (Optional<TestIdentifier> at = Optional.of(test); at.isPresent(); at = plan.getParent(at.get())) {
            at.get().getTags().stream().map(TestTag::getName).forEach(tags::add);
        }
        return List.copyOf(tags);
    }
}
