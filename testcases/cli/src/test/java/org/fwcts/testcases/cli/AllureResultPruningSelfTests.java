package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Allure results left by an interrupted run")
class AllureResultPruningSelfTests {
    @TempDir
    Path dir;

    private Path result(String name, String json) throws Exception {
        return Files.writeString(dir.resolve(name + "-result.json"), json);
    }

    private static String of(String uniqueId) {
        return "{\"status\":\"passed\",\"labels\":[{\"name\":\"junit.platform.uniqueid\",\"value\":\"" + uniqueId + "\"}]}";
    }

    @Test
    @DisplayName("a file a kill left empty or half written goes; a whole result goes only when its test is unrecorded")
    void tornFilesAndUnrecordedTestsGo() throws Exception {
        Path empty = result("a", "");
        Path half = result("b", "{\"status\":\"pas");
        Path recorded = result("c", of("[test:recorded]"));
        Path unrecorded = result("d", of("[test:unrecorded]"));
        Path unlabelled = result("e", "{\"status\":\"passed\",\"labels\":[]}");

        int removed = AllureResultPruning.remove(dir, "[test:unrecorded]"::equals);

        assertThat(removed).isEqualTo(3);
        assertThat(empty).doesNotExist();
        assertThat(half).doesNotExist();
        assertThat(unrecorded).doesNotExist();
        assertThat(recorded).exists();
        assertThat(unlabelled).as("a whole result of no test is not the journal's to judge").exists();
    }
}
