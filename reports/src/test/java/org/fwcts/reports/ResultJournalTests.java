package org.fwcts.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The results journal")
class ResultJournalTests {
    @TempDir
    Path temp;

    private static TestRecord record(String method, TestStatus status) {
        return new TestRecord("[engine:junit-jupiter]/[class:A]/[method:" + method + "()]", "A › " + method,
                List.of("psci"), status, 3, status == TestStatus.FAILED ? "x0 <-- MISMATCH" : null);
    }

    @Test
    @DisplayName("writes each line as an object mapper writes the record, escapes and nulls included (hex digits of \\u escapes in lower case)")
    void linesAsAMapperWritesThem() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<TestRecord> records = List.of(record("a", TestStatus.PASSED), record("b", TestStatus.FAILED),
                new TestRecord("[engine:junit-jupiter]/[class:A]/[method:q(\"x\\y\")]", "A › q \u00e9\u4e2d \ud83d\ude00",
                        List.of(), TestStatus.BROKEN, 0, "line 1\nline 2\r\t\b\f \u0001\u001f\u007f </script>"),
                new TestRecord("id", null, List.of("rule:FFA-1", "a\"b"), TestStatus.WAIVED, Long.MAX_VALUE, "waived: x"));
        for (TestRecord record : records) {
            String line = new String(ResultJournal.line(record), StandardCharsets.UTF_8);
            assertThat(line).isEqualTo(mapper.writeValueAsString(record).replace("\\u001F", "\\u001f") + "\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ResultJournal.Durability.class)
    @DisplayName("appends one complete line per result, read back in order, whichever durability")
    void appendsLines(ResultJournal.Durability durability) {
        Path file = temp.resolve(StoredRun.JOURNAL);
        try (ResultJournal journal = ResultJournal.open(file, durability)) {
            journal.append(record("a", TestStatus.PASSED));
            journal.append(record("b", TestStatus.FAILED));
        }
        try (ResultJournal journal = ResultJournal.open(file, durability)) {
            journal.append(record("c", TestStatus.SKIPPED));
        }
        assertThat(StoredRun.read(temp).records()).extracting(TestRecord::name).containsExactly("A › a", "A › b", "A › c");
    }

    @Test
    @DisplayName("a last line cut short (a crash, a full disk) is no result: reading skips it, reopening cuts it off")
    void tornLastLine() throws IOException {
        Path file = temp.resolve(StoredRun.JOURNAL);
        try (ResultJournal journal = ResultJournal.open(file, ResultJournal.DEFAULT)) {
            journal.append(record("a", TestStatus.PASSED));
        }
        String complete = Files.readString(file);
        Files.writeString(file, "{\"id\":\"[engine:junit-jupiter]/[cla", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(StoredRun.read(temp).records()).extracting(TestRecord::name).containsExactly("A › a");
        try (ResultJournal journal = ResultJournal.open(file, ResultJournal.DEFAULT)) {
            assertThat(file).hasContent(complete.strip());
            journal.append(record("b", TestStatus.FAILED));
        }
        assertThat(StoredRun.read(temp).records()).extracting(TestRecord::name).containsExactly("A › a", "A › b");
    }

    @Test
    @DisplayName("a damaged line that is not the last still names the file and the line")
    void damagedMiddleLine() throws IOException {
        Path file = temp.resolve(StoredRun.JOURNAL);
        Files.writeString(file, "{\"id\":\"x\"\n{\"id\":\"y\",\"status\":\"PASSED\",\"tags\":[]}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StoredRun.read(temp))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(StoredRun.JOURNAL + ": line 1");
    }
}
