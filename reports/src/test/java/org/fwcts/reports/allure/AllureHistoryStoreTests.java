package org.fwcts.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The Allure history store")
class AllureHistoryStoreTests {
    private static final Instant MONDAY = Instant.parse("2026-11-23T02:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T02:00:00Z");

    @TempDir
    Path temp;

    /** A generated report whose history trend says {@code trend}. */
    private Path report(String name, String trend) throws IOException {
        Path report = temp.resolve(name);
        Files.createDirectories(report.resolve("history"));
        Files.writeString(report.resolve("history/history-trend.json"), trend);
        return report;
    }

    @Test
    @DisplayName("gives new results the history of the newest run reported, and keeps older runs from overwriting it")
    void keepsTheNewestHistory() throws IOException {
        AllureHistoryStore store = new AllureHistoryStore(temp.resolve("store"));
        Path results = Files.createDirectories(temp.resolve("results-1"));
        store.prime(results);
        assertThat(results.resolve("history")).isEmptyDirectory();

        assertThat(store.record(report("report-tue", "[tue]"), "tue", TUESDAY)).isTrue();
        assertThat(store.record(report("report-mon", "[mon]"), "mon", MONDAY)).isFalse();
        assertThat(store.record(report("report-tue-again", "[tue again]"), "tue", TUESDAY)).isTrue();

        Path next = Files.createDirectories(temp.resolve("results-2"));
        store.prime(next);
        assertThat(next.resolve("history/history-trend.json")).hasContent("[tue]");
    }

    @Test
    @DisplayName("leaves results that already have a history as they are, so a run reported again shows the same trend")
    void keepsAResultsHistory() throws IOException {
        AllureHistoryStore store = new AllureHistoryStore(temp.resolve("store"));
        store.record(report("report", "[newer]"), "newer", TUESDAY);
        Path results = Files.createDirectories(temp.resolve("results/history"));
        Files.writeString(results.resolve("history-trend.json"), "[as first reported]");
        store.prime(results.getParent());
        assertThat(results.resolve("history-trend.json")).hasContent("[as first reported]");
    }
}
