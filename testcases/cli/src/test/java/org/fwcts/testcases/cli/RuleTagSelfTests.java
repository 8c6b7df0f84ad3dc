package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

@DisplayName("Every rule a conformance test is tagged with")
class RuleTagSelfTests {

    @Test
    @DisplayName("is a rule the reference model defines, so summaries cite its document and section and waivers may name it")
    void namesAModelRule() {
        TestPlan plan = LauncherFactory.create().discover(new SuiteSelection(List.of(), List.of()).request());
        Set<String> tagged = new TreeSet<>();
        plan.getRoots().forEach(root -> plan.getDescendants(root).stream().map(TestIdentifier::getTags)
                .flatMap(Set::stream).map(TestTag::getName).filter(tag -> tag.startsWith("rule:"))
                .forEach(tag -> tagged.add(tag.substring("rule:".length()))));
        assertThat(tagged).hasSizeGreaterThan(50).contains("FFA.MEM.LEND.NOT_SPECIFIED_NEVER_X", "FFA.MEM.RECLAIM.RESTORES_EXACTLY");
        assertThat(tagged.stream().filter(rule -> !ModelRules.known(rule))).as("rule tags the model does not define").isEmpty();
    }
}
