package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.fwcts.reports.allure.AllureCategories;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("fwcts report on two runs of the function-ID width tests (boots QEMU twice, runs Allure's generator and Chromium)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCommandSelfTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How Allure's single-file report embeds each test case: its uid and its JSON, base64-encoded. */
    private static final Pattern EMBEDDED_TEST_CASE = Pattern.compile("d\\('data/test-cases/([0-9a-f]+)\\.json','([A-Za-z0-9+/=]+)'\\)");

    @TempDir
    static Path temp;
    private Path first;
    private Path second;
    private Path history;
    private CliRun firstReport;
    private CliRun secondReport;

    @BeforeAll
    void runAndReportTwice() {
        first = temp.resolve("first");
        second = temp.resolve("second");
        history = temp.resolve("history");
        assertThat(CliRun.of("run", "--test", "upperHalfOfX0IsIgnored", "--output", first.toString()).exitCode()).isEqualTo(1);
        assertThat(CliRun.of("run", "--test", "upperHalfOfX0IsIgnored", "--output", second.toString()).exitCode()).isEqualTo(1);
        firstReport = CliRun.of("report", first.toString(), "--history", history.toString());
        secondReport = CliRun.of("report", second.toString(), "--history", history.toString());
    }

    @Test
    @DisplayName("writes the report as one file and as a folder, with the categories and the environment")
    void writesTheReport() throws IOException {
        assertThat(firstReport.exitCode()).as(firstReport.out() + firstReport.err()).isZero();
        assertThat(firstReport.out()).contains(first.resolve(ReportCommand.SINGLE_FILE).toString());
        assertThat(first.resolve(ReportCommand.SINGLE_FILE)).isRegularFile();
        Path folder = first.resolve(ReportCommand.FOLDER);
        assertThat(folder.resolve("index.html")).isRegularFile();
        assertThat(Files.readString(folder.resolve("widgets/categories.json"))).contains(AllureCategories.CONFORMANCE_FAILURES);
        assertThat(Files.readString(folder.resolve("widgets/environment.json"))).contains("qemu-builtin-psci")
                .contains("sha256 agent:agent-virt").contains("FWCTS ");
    }

    @Test
    @DisplayName("keeps history across runs: the second report's trend shows both runs")
    void trendCoversBothRuns() throws IOException {
        assertThat(secondReport.exitCode()).as(secondReport.out() + secondReport.err()).isZero();
        assertThat(trend(first)).hasSize(1);
        assertThat(trend(second)).hasSize(2);
        assertThat(secondReport.out()).contains("trend over 2 run(s), history kept in " + history);
    }

    @Test
    @DisplayName("opens in headless Chromium and shows the failing test's register table")
    void rendersTheRegisterTable() throws Exception {
        HeadlessChromium chromium = chromium();
        Path report = first.resolve(ReportCommand.SINGLE_FILE);
        String url = report.toUri() + "#testresult/" + failedTestUid(report);

        Instant start = Instant.now();
        String dom = chromium.dumpDom(url);
        assertThat(dom).contains("deciding rule SMCCC.FID_W0").contains("0xffffffffffffffff").contains("MISMATCH")
                .contains("the function is chosen by w0");
        Path screenshot = chromium.screenshot(url, 1280, 900);
        System.out.printf("ReportCommandSelfTests: Chromium took %d ms for the DOM and the screenshot (%s)%n",
                Duration.between(start, Instant.now()).toMillis(), screenshot);
        assertRendered(ImageIO.read(screenshot.toFile()));
    }

    private HeadlessChromium chromium() {
        Optional<HeadlessChromium> chromium = HeadlessChromium.find(temp);
        if (System.getenv("CI") != null) {
            assertThat(chromium).as("chromium is not installed; ./fwcts installs it (Debian package chromium)").isPresent();
        }
        Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed; ./fwcts selftest installs it");
        return chromium.get();
    }

    /** The uid Allure gave the failed test in the single-file report, which its #testresult/ route takes. */
    private static String failedTestUid(Path report) throws IOException {
        Matcher testCase = EMBEDDED_TEST_CASE.matcher(Files.readString(report, StandardCharsets.UTF_8));
        while (testCase.find()) {
            JsonNode json = JSON.readTree(Base64.getDecoder().decode(testCase.group(2)));
            if ("failed".equals(json.path("status").asText())) {
                return testCase.group(1);
            }
        }
        throw new AssertionError(report + " embeds no failed test case");
    }

    /** A rendered page has text and colour: much of it differs from the background, in many colours. */
    private static void assertRendered(BufferedImage image) {
        Map<Integer, Integer> colours = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.merge(image.getRGB(x, y), 1, Integer::sum);
            }
        }
        int pixels = image.getWidth() * image.getHeight();
        int background = colours.values().stream().max(Integer::compare).orElse(0);
        assertThat(colours).as("distinct colours").hasSizeGreaterThan(50);
        assertThat((pixels - background) / (double) pixels).as("share of pixels that are not background").isGreaterThan(0.05);
    }

    private static JsonNode trend(Path run) throws IOException {
        return JSON.readTree(run.resolve(ReportCommand.FOLDER).resolve("history/history-trend.json").toFile());
    }
}
