package org.fwcts.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.fwcts.reports.waiver.Waiver;
import org.fwcts.reports.waiver.Waivers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("summary.json and its JSON Schema (reports/summary.schema.json)")
class SummarySchemaTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Surefire runs in the module's folder, where the schema lives. */
    private static final Path SCHEMA_FILE = Path.of("summary.schema.json");

    @TempDir
    Path temp;

    private static JsonSchema schema() throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(SCHEMA_FILE.toFile()), config);
    }

    private JsonNode written(RunSummary summary) throws IOException {
        SummaryWriter.write(summary, temp);
        return JSON.readTree(temp.resolve("summary.json").toFile());
    }

    @Test
    @DisplayName("names the layout the writer writes")
    void schemaNamesTheLayout() throws IOException {
        JsonNode schema = JSON.readTree(SCHEMA_FILE.toFile());
        assertThat(schema.at("/properties/schema/const").asText()).isEqualTo(SummaryWriter.SCHEMA);
    }

    @Test
    @DisplayName("accepts the summary of a run with failures, a broken test, re-runs, skips and every waiver state")
    void acceptsAProducedSummary() throws IOException {
        Waivers waivers = new Waivers(Path.of("waivers.yaml"), List.of(
                new Waiver(Waiver.Scope.RULE, "SMCCC.FID_W0", "accepted", LocalDate.of(2027, 1, 1)),
                new Waiver(Waiver.Scope.RULE, "PSCI.VERSION", "lapsed", LocalDate.of(2026, 1, 1)),
                new Waiver(Waiver.Scope.RULE, "SMCCC.VERSION", "not needed", LocalDate.of(2027, 1, 1))));
        JsonNode summary = written(Fixtures.run("nightly-b").summary(Fixtures.RULES, waivers));
        assertThat(schema().validate(summary)).isEmpty();
        assertThat(summary.at("/counts/waived").asInt()).isEqualTo(1);
        assertThat(summary.at("/waivers/entries").findValuesAsText("state")).containsExactly("APPLIED", "EXPIRED", "UNUSED");
    }

    @Test
    @DisplayName("accepts the summary of a run that stopped, without a waiver file")
    void acceptsARunError() throws IOException {
        StoredRun run = Fixtures.run("one-failure");
        RunSummary stopped = new RunSummary(run.runId(), run.started(), run.finished(), run.target(),
                new SuiteInfo("0.1.0", Fixtures.RULES), run.records(), Waivers.none(), "TargetException: QEMU exited");
        JsonNode summary = written(stopped);
        assertThat(schema().validate(summary)).isEmpty();
        assertThat(summary.get("verdict").asText()).isEqualTo("ERROR");
    }

    @Test
    @DisplayName("rejects a summary missing a required field or with an unknown status")
    void rejectsBrokenSummaries() throws IOException {
        ObjectNode summary = (ObjectNode) written(Fixtures.run("one-failure").summary(Fixtures.RULES, Waivers.none()));
        summary.remove("verdict");
        ((ObjectNode) summary.get("tests").get(0)).put("status", "GREAT");
        Set<ValidationMessage> errors = schema().validate(summary);
        assertThat(errors).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("verdict")).anyMatch(m -> m.contains("/tests/0/status"));
    }
}
