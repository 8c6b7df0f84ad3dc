package org.fwcts.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fwcts.model.firmware.RuleCatalog;
import org.fwcts.model.psci.PsciRules;
import org.fwcts.model.smccc.SmcccRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @Test
    @DisplayName("resolves FFA.PARTITION_INFO.UUID to DEN0077A (FF-A), section FFA_PARTITION_INFO_GET")
    void resolvesPartitionInfoUuid() {
        Rule rule = RuleCatalog.find("FFA.PARTITION_INFO.UUID").orElseThrow();
        assertThat(rule.document()).isEqualTo("DEN0077A (FF-A)");
        assertThat(rule.section()).isEqualTo("FFA_PARTITION_INFO_GET");
    }

    /** One rule of each FF-A area's rule class, written out: the catalogue once knew only the FF-A core's. */
    @ParameterizedTest(name = "{0}")
    @DisplayName("knows the rules of every FF-A area")
    @CsvSource(delimiter = '|', textBlock = """
            FFA.FEATURES.FUNCTION              | DEN0077A (FF-A) | FFA_FEATURES
            FFA.PARTITION_INFO.DESC_SIZE       | DEN0077A (FF-A) | Partition information descriptor
            FFA.RXTX_MAP                       | DEN0077A (FF-A) | FFA_RXTX_MAP
            FFA.MSG.DIRECT_REQ.FORWARD         | DEN0077A (FF-A) | FFA_MSG_SEND_DIRECT_REQ
            FFA.MSG_SEND2.HEADER_LENGTH        | DEN0077A (FF-A) | Partition message header (FFA_MSG_SEND2)
            FFA.MSG_SEND2.DELIVERED            | DEN0077A (FF-A) | FFA_MSG_SEND2
            FFA.RTM.NOT_RUNNING                | DEN0077A (FF-A) | Partition runtime models
            FFA.MEM.LEND.NOT_SPECIFIED_NEVER_X | DEN0077A (FF-A) | FFA_MEM_LEND, FFA_MEM_DONATE
            FFA.MEM.DESC.LENGTH_BUFFER         | DEN0077A (FF-A); DEN0140 (FF-A Memory Management Protocol) from v1.2 | Memory transaction descriptor
            FFA.MEM.SEND.SUCCESS               | DEN0077A (FF-A) | FFA_MEM_DONATE, FFA_MEM_LEND, FFA_MEM_SHARE
            FFA.MEM.RETRIEVE.RESPONSE          | DEN0077A (FF-A) | FFA_MEM_RETRIEVE_RESP
            FFA.MEM.RELINQUISH                 | DEN0077A (FF-A) | FFA_MEM_RELINQUISH
            FFA.NOTIFICATION.NOT_HANDLED       | DEN0077A (FF-A) | Notifications
            """)
    void knowsEveryFfaArea(String id, String document, String section) {
        Rule rule = RuleCatalog.find(id).orElseThrow(() -> new AssertionError(id + " is not in the catalogue"));
        assertThat(rule.document()).isEqualTo(document);
        assertThat(rule.section()).isEqualTo(section);
    }

    @Test
    @DisplayName("holds every Rule constant of every model class (so a new rule class cannot be missed)")
    void holdsEveryRuleConstant() throws Exception {
        List<Field> constants = ruleConstants();
        // The scan must see the rule classes, or it proves nothing.
        assertThat(constants).extracting(f -> f.getDeclaringClass().getSimpleName())
                .contains("SmcccRules", "PsciRules", "FfaRules", "DiscoveryRules", "PartitionInfoRules", "MailboxRules",
                        "DirectMessagingRules", "IndirectMessageRules", "MsgSend2Rules", "CpuCycleRules", "MemoryRules",
                        "DescriptorRules", "SendRules", "RetrieveRules", "ReleaseRules", "NotificationRules");
        assertThat(constants).hasSizeGreaterThan(200);
        for (Field field : constants) {
            assertThat(Modifier.isPublic(field.getModifiers()))
                    .as("%s is not public, so the catalogue cannot read it", field).isTrue();
            field.setAccessible(true);
            Rule rule = (Rule) field.get(null);
            assertThat(RuleCatalog.find(rule.id()))
                    .as("%s (%s) must be in the catalogue: add its class to RuleCatalog.HOLDERS", rule.id(), field)
                    .contains(rule);
        }
    }

    /** Every static field of type Rule in a class compiled from src/main/java of this module. */
    private static List<Field> ruleConstants() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(RuleCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes).as("the model's classes are a folder when the tests run").isDirectory();
        List<Field> fields = new ArrayList<>();
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(classes::relativize).map(Path::toString).filter(name -> name.endsWith(".class"))
                    .filter(name -> !name.endsWith("module-info.class") && !name.endsWith("package-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .toList();
        }
        for (String name : names) {
            Class<?> type = Class.forName(name, false, RuleCatalog.class.getClassLoader());
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == Rule.class && Modifier.isStatic(field.getModifiers())) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }
}
