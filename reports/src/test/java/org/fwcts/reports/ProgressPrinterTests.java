package org.fwcts.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@DisplayName("The progress printer, watching a run of five tests (one fails, one breaks, one is skipped)")
class ProgressPrinterTests {
    private static final String PLAIN_LINE = "\\[[ \\d]+/\\d+\\+?] (PASSED |FAILED |BROKEN |SKIPPED) .+"
            + "   \\(\\d+:\\d\\d elapsed(, [~>]\\d+:\\d\\d left)?, \\d not passed\\)";

    /** The run the printer watches. Surefire skips nested classes; only this test's launcher runs it. */
    static class Sample {
        @Test
        void passes() {
        }

        @Test
        void fails() {
            throw new AssertionError("the target contradicts the model");
        }

        @Test
        void breaks() {
            throw new IllegalStateException("no reply");
        }

        @Disabled("FF-A absent")
        @Test
        void skipped() {
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void cases(int value) {
        }
    }

    /** A clock that moves one second each time it is read, so elapsed times grow. */
    private static Clock ticking() {
        return new Clock() {
            private Instant now = Instant.parse("2026-11-23T00:00:00Z");

            @Override
            public synchronized Instant instant() {
                now = now.plus(Duration.ofSeconds(1));
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
    }

    private static String watch(ProgressPrinter.Mode mode) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), ticking(), mode, 80);
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Sample.class)).build(), printer);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("off a terminal prints one plain line per test, and the reason under a failed or broken one; nothing rewritten")
    void plainLinesForLogs() {
        String out = watch(ProgressPrinter.Mode.PLAIN);
        assertThat(out).doesNotContain("\r").doesNotContain("\u001b");
        List<String> all = out.lines().toList();
        assertThat(all).hasSize(8);
        List<String> lines = all.stream().filter(line -> !line.startsWith("      ")).toList();
        assertThat(lines).hasSize(6).allMatch(line -> line.matches(PLAIN_LINE), "matches " + PLAIN_LINE);
        assertThat(lines).filteredOn(l -> l.contains("FAILED ")).singleElement().asString().contains("fails()");
        assertThat(all.get(all.indexOf(lines.stream().filter(l -> l.contains("FAILED ")).findFirst().orElseThrow()) + 1))
                .isEqualTo("      the target contradicts the model");
        assertThat(all.get(all.indexOf(lines.stream().filter(l -> l.contains("BROKEN ")).findFirst().orElseThrow()) + 1))
                .isEqualTo("      IllegalStateException: no reply");
        assertThat(lines).filteredOn(l -> l.contains("SKIPPED")).singleElement().asString().contains("— FF-A absent");
        assertThat(lines.get(5)).startsWith("[6/6] ").endsWith(", 2 not passed)");
    }

    @Test
    @DisplayName("on a terminal rewrites one status line with the current test, keeps lines only for failed and broken"
            + " tests (with their reasons), and counts the skipped")
    void liveLineOnATerminal() {
        String out = watch(ProgressPrinter.Mode.LIVE);
        assertThat(out).contains("\r").contains(ProgressPrinter.ERASE_LINE);
        // What stays on screen of each line: the text after its last carriage return.
        List<String> kept = Stream.of(out.split(System.lineSeparator()))
                .map(line -> line.substring(line.lastIndexOf('\r') + 1).replace(ProgressPrinter.ERASE_LINE, "")).toList();
        assertThat(kept).hasSize(5);
        assertThat(List.of(kept.get(0), kept.get(2))).allMatch(line -> line.matches(PLAIN_LINE))
                .noneMatch(line -> line.contains("PASSED") || line.contains("SKIPPED"));
        assertThat(List.of(kept.get(1), kept.get(3))).allMatch(line -> line.startsWith("      "));
        assertThat(kept.get(4)).matches("\\[6/6] done in \\d+:\\d\\d, 2 not passed, 1 skipped");
        assertThat(out).containsPattern("\r\\[\\d/\\d\\+?] \\d not passed \\| \\d+:\\d\\d elapsed[^|]* \\| …?[^\r]*passes\\(\\)");
    }
}
