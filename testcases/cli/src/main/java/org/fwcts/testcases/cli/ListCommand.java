package org.fwcts.testcases.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.fwcts.testcases.support.FreshBoot;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fwcts list}: the tests, with their areas, rules and the boot each needs. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List conformance tests with their tags and rules.")
final class ListCommand implements Callable<Integer> {

    @Option(names = "--tag", description = "Only tests matching this tag expression (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--test", description = "Only tests whose name contains this text (repeatable).")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        TestPlan plan = LauncherFactory.create().discover(new SuiteSelection(tags, names).request());
        int count = 0;
        for (TestIdentifier root : plan.getRoots()) {
            count += print(plan, root, "");
        }
        System.out.printf("%d tests (parameterized tests count once here; each case runs separately)%n", count);
        return 0;
    }

    /** " {boot: ...}" for a test method: a fresh boot (with why) or the shared boot. */
    private static String bootNeed(TestIdentifier node) {
        if (!(node.getSource().orElse(null) instanceof MethodSource source)) {
            return "";
        }
        try {
            FreshBoot fresh = source.getJavaMethod().getAnnotation(FreshBoot.class);
            if (fresh == null) {
                fresh = source.getJavaClass().getAnnotation(FreshBoot.class);
            }
            if (fresh == null) {
                return "   {boot: shared}";
            }
            String unless = fresh.unless() == FreshBoot.Unless.NEVER ? "" : ", " + fresh.unless().description();
            return "   {boot: fresh" + unless + " — " + fresh.value() + "}";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static int print(TestPlan plan, TestIdentifier node, String indent) {
        int count = 0;
        if (node.getParentId().isPresent()) {
            String tags = node.getTags().stream().map(TestTag::getName).sorted().collect(Collectors.joining(" "));
            System.out.println(indent + node.getDisplayName() + (tags.isEmpty() ? "" : "   [" + tags + "]")
                    + bootNeed(node));
            indent = indent + "  ";
            count += node.isContainer() && plan.getChildren(node).isEmpty() || node.isTest() ? 1 : 0;
        }
        for (TestIdentifier child : plan.getChildren(node)) {
            count += print(plan, child, indent);
        }
        return count;
    }
}
