package org.fwcts.reports.waiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Predicate;
import org.fwcts.model.firmware.RuleCatalog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A waiver file")
class WaiverFileTests {
    private static final Predicate<String> KNOWN_RULES = Set.of("SMCCC.FID_W0", "PSCI.VERSION")::contains;

    @TempDir
    Path temp;

    private Path file(String yaml) throws IOException {
        return Files.writeString(temp.resolve("waivers.yaml"), yaml);
    }

    @Test
    @DisplayName("lists rule and test waivers in file order")
    void readsWaivers() throws IOException {
        Path file = file("""
                waivers:
                  - rule: SMCCC.FID_W0
                    justification: QEMU's built-in PSCI decodes all of x0
                    expires: 2027-06-30
                  - test: "PSCI_VERSION › reports the implemented PSCI version"
                    justification: "vendor ticket 42"
                    expires: "2026-12-31"
                """);
        Waivers waivers = WaiverFile.load(file, KNOWN_RULES);
        assertThat(waivers.file()).contains(file);
        assertThat(waivers.entries()).containsExactly(
                new Waiver(Waiver.Scope.RULE, "SMCCC.FID_W0", "QEMU's built-in PSCI decodes all of x0", LocalDate.of(2027, 6, 30)),
                new Waiver(Waiver.Scope.TEST, "PSCI_VERSION › reports the implemented PSCI version", "vendor ticket 42",
                        LocalDate.of(2026, 12, 31)));
    }

    @Test
    @DisplayName("may list no waivers at all")
    void acceptsAnEmptyList() throws IOException {
        assertThat(WaiverFile.load(file("waivers: []\n"), KNOWN_RULES).entries()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("with a mistake is refused with one error naming the file and the field")
    @CsvSource(delimiter = '|', textBlock = """
            a date that is not one       | waivers: [{rule: SMCCC.FID_W0, justification: j, expires: next year}]         | waivers[0].expires: 'next year' is not a date (yyyy-mm-dd)
            an impossible date           | waivers: [{rule: SMCCC.FID_W0, justification: j, expires: 2027-02-30}]         | waivers[0].expires: '2027-02-30' is not a date
            no justification             | waivers: [{rule: SMCCC.FID_W0, expires: 2027-01-01}]                           | waivers[0].justification: missing field
            a blank justification        | waivers: [{rule: SMCCC.FID_W0, justification: ' ', expires: 2027-01-01}]       | waivers[0].justification: must not be empty
            no expiry date               | waivers: [{rule: SMCCC.FID_W0, justification: j}]                              | waivers[0].expires: missing field
            both rule and test           | waivers: [{rule: SMCCC.FID_W0, test: t, justification: j, expires: 2027-01-01}] | waivers[0]: needs exactly one of 'rule' and 'test'
            neither rule nor test        | waivers: [{justification: j, expires: 2027-01-01}]                             | waivers[0]: needs exactly one of 'rule' and 'test'
            a mistyped rule ID           | waivers: [{rule: SMCCC.FID_WO, justification: j, expires: 2027-01-01}]         | waivers[0].rule: unknown rule 'SMCCC.FID_WO'
            a misspelt field             | waivers: [{rule: SMCCC.FID_W0, justification: j, expiry: 2027-01-01}]          | waivers[0].expiry: unknown field
            the second entry wrong       | waivers: [{rule: SMCCC.FID_W0, justification: j, expires: 2027-01-01}, {rule: PSCI.VERSION, justification: [a, b], expires: 2027-01-01}] | waivers[1].justification: expected a single value
            an entry that is not a map   | waivers: [SMCCC.FID_W0]                                                        | waivers[0]: expected a mapping
            waivers not a list           | 'waivers: {rule: SMCCC.FID_W0}'                                                | waivers: expected a list of waivers
            an unknown top-level field   | 'waiver: []'                                                                   | waiver: unknown field (known here: waivers)
            an empty file                | ''                                                                             | waivers: missing field (the file is empty)
            broken YAML                  | 'waivers: [{rule: SMCCC.FID_W0'                                                | not valid YAML at line
            """)
    void refusesMistakes(String mistake, String yaml, String expected) throws IOException {
        Path file = file(yaml);
        assertThatThrownBy(() -> WaiverFile.load(file, KNOWN_RULES)).isInstanceOf(BadWaiverFileException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining(expected);
    }

    @Test
    @DisplayName("that does not exist is refused naming the file")
    void refusesMissingFile() {
        Path missing = temp.resolve("nonesuch.yaml");
        assertThatThrownBy(() -> WaiverFile.load(missing, KNOWN_RULES)).isInstanceOf(BadWaiverFileException.class)
                .hasMessage(missing + ": no such file");
    }

    /** Checked as ./fwcts run --waivers and ./fwcts summary --waivers check it: against the model's rule catalogue. */
    @Nested
    @DisplayName("checked against the reference model's rule catalogue")
    class AgainstTheModel {
        private final Predicate<String> catalogue = id -> RuleCatalog.find(id).isPresent();

        @Test
        @DisplayName("accepts rule waivers for FF-A area rules: FFA.PARTITION_INFO.UUID, FFA.MEM.SEND.SUCCESS, FFA.RTM.NOT_RUNNING")
        void acceptsFfaAreaRules() throws IOException {
            Path file = file("""
                    waivers:
                      - rule: FFA.PARTITION_INFO.UUID
                        justification: vendor ticket 6
                        expires: 2027-06-30
                      - rule: FFA.MEM.SEND.SUCCESS
                        justification: vendor ticket 7
                        expires: 2027-06-30
                      - rule: FFA.RTM.NOT_RUNNING
                        justification: vendor ticket 8
                        expires: 2027-06-30
                      - rule: SMCCC.FID_W0
                        justification: QEMU's built-in PSCI decodes all of x0
                        expires: 2027-06-30
                    """);
            assertThat(WaiverFile.load(file, catalogue).entries()).extracting(Waiver::subject)
                    .containsExactly("FFA.PARTITION_INFO.UUID", "FFA.MEM.SEND.SUCCESS", "FFA.RTM.NOT_RUNNING", "SMCCC.FID_W0");
        }

        @Test
        @DisplayName("still refuses a rule the model does not define")
        void refusesUnknownRule() throws IOException {
            Path file = file("waivers: [{rule: FFA.PARTITION_INFO.UUIDS, justification: j, expires: 2027-01-01}]\n");
            assertThatThrownBy(() -> WaiverFile.load(file, catalogue)).isInstanceOf(BadWaiverFileException.class)
                    .hasMessageContaining("waivers[0].rule: unknown rule 'FFA.PARTITION_INFO.UUIDS'");
        }
    }
}
