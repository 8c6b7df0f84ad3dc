package org.fwcts.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fwcts.reports.waiver.Waivers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("summary.html")
class SummaryHtmlTests {
    @TempDir
    Path temp;

    private String html() throws IOException {
        SummaryWriter.write(Fixtures.run("nightly-b").summary(Fixtures.RULES, Waivers.none()), temp);
        return Files.readString(temp.resolve("summary.html"));
    }

    @Test
    @DisplayName("is one self-contained page: no scripts, links, images or imports")
    void selfContained() throws IOException {
        assertThat(html()).startsWith("<!DOCTYPE html>").contains("<style>")
                .doesNotContain("<script").doesNotContain("src=").doesNotContain("href=").doesNotContain("url(")
                .doesNotContain("@import").doesNotContain("<link");
    }

    @Test
    @DisplayName("shows the verdict, the rule table, the register tables and skip reasons, with text escaped")
    void showsTheCertificationView() throws IOException {
        assertThat(html()).contains("<span class=\"verdict ERROR\">Verdict: ERROR</span>")
                .contains("<td>SMCCC.FID_W0</td><td>DEN0028 v1.6 (SMCCC), 2.5 Function Identifiers</td><td class=\"status FAILED\">FAILED</td>")
                .contains("PSCI.VERSION   &lt;-- MISMATCH")
                .contains("FF-A absent: FFA_VERSION returned NOT_SUPPORTED (-1) [FFA.ABSENT]")
                .contains("<td>FFA.VERSION</td><td></td>");
    }
}
