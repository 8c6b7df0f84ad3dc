package org.fwcts.testcases.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fwcts.model.firmware.RuleCatalog;
import org.fwcts.reports.RuleReference;
import org.fwcts.reports.SuiteInfo;

/** The reference model's rules as summaries cite them. */
final class ModelRules {
    private ModelRules() {
    }

    static Map<String, RuleReference> references() {
        Map<String, RuleReference> references = new LinkedHashMap<>();
        RuleCatalog.all().forEach((id, rule) -> references.put(id, new RuleReference(id, rule.document(), rule.section())));
        return references;
    }

    static SuiteInfo suiteInfo() {
        return SuiteInfo.current(references());
    }

    static boolean known(String id) {
        return RuleCatalog.find(id).isPresent();
    }
}
