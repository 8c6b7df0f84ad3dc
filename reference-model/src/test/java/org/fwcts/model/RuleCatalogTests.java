package org.fwcts.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.fwcts.model.psci.PsciRules;
import org.fwcts.model.smccc.SmcccRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The rule catalogue")
class RuleCatalogTests {

    @Test
    @DisplayName("finds the rules of every interface by ID")
    void findsRulesById() {
        assertThat(RuleCatalog.find("SMCCC.FID_W0")).contains(SmcccRules.FUNCTION_ID_IN_W0);
        assertThat(RuleCatalog.find("PSCI.VERSION")).contains(PsciRules.VERSION);
        assertThat(RuleCatalog.find("FFA.ABSENT")).isPresent();
        assertThat(RuleCatalog.find("NO.SUCH_RULE")).isEmpty();
    }

    @Test
    @DisplayName("lists each rule under its own ID")
    void listsEachRuleUnderItsId() {
        assertThat(RuleCatalog.all()).isNotEmpty().allSatisfy((id, rule) -> assertThat(rule.id()).isEqualTo(id));
    }
}
