package org.fwcts.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fwcts.model.firmware.RuleCatalog;
import org.fwcts.reports.waiver.Waivers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Summaries cite rules from the model's catalogue, mapped as the CLI maps it (testcases' ModelRules). */
@DisplayName("A summary citing the reference model's rule catalogue")
class ModelRuleCatalogueTests {
    private static final Instant STARTED = Instant.parse("2026-11-22T02:00:00Z");

    @TempDir
    Path temp;

    private static Map<String, RuleReference> catalogue() {
        Map<String, RuleReference> rules = new LinkedHashMap<>();
        RuleCatalog.all().forEach((id, rule) -> rules.put(id, new RuleReference(id, rule.document(), rule.section())));
        return rules;
    }

    @Test
    @DisplayName("names the document and section of an FF-A area rule: FFA.PARTITION_INFO.UUID is DEN0077A (FF-A), FFA_PARTITION_INFO_GET")
    void citesFfaAreaRules() throws IOException {
        TestRecord test = new TestRecord("[engine:junit-jupiter]/[class:P]/[method:uuid()]",
                "FFA_PARTITION_INFO_GET › by UUID", List.of("conformance", "ffa", "rule:FFA.PARTITION_INFO.UUID"),
                TestStatus.PASSED, 5, null);
        RunSummary summary = new RunSummary("20261122-020000-qemu-tfa", STARTED, STARTED.plusSeconds(1),
                Map.of("target", "qemu-tfa"), new SuiteInfo("0.1.0", catalogue()), List.of(test), Waivers.none(), null);
        SummaryWriter.write(summary, temp);
        JsonNode rule = new ObjectMapper().readTree(temp.resolve("summary.json").toFile()).get("rules").get(0);
        assertThat(rule.get("id").asText()).isEqualTo("FFA.PARTITION_INFO.UUID");
        assertThat(rule.get("document").asText()).isEqualTo("DEN0077A (FF-A)");
        assertThat(rule.get("section").asText()).isEqualTo("FFA_PARTITION_INFO_GET");
        assertThat(Files.readString(temp.resolve("summary.md")))
                .contains("| FFA.PARTITION_INFO.UUID | DEN0077A (FF-A), FFA_PARTITION_INFO_GET | PASSED |");
    }
}
