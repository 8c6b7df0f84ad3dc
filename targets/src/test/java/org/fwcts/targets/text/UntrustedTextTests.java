package org.fwcts.targets.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Text from an untrusted target")
class UntrustedTextTests {
    private static final String TITLE = "\u001b]0;owned\u0007";
    private static final String CLEAR = "\u001b[2J";
    private static final String LINK = "\u001b]8;;http://evil\u001b\\click\u001b]8;;\u001b\\";

    @Test
    @DisplayName("shows escape sequences, NUL, DEL, C1 controls and bidi overrides as visible escapes on a terminal line")
    void terminalLine() {
        String shown = UntrustedText.line(TITLE + CLEAR + LINK + "\0\u007f\u009b\u202e\nend");
        assertThat(UntrustedText.isInert(shown)).isTrue();
        assertThat(shown).doesNotContain("\n").contains("\\x1b]0;owned\\x07").contains("\\x1b[2J").contains("\\x00")
                .contains("\\x7f").contains("\\x9b").contains("\\" + "u{202e}").contains("\\x0aend");
    }

    @Test
    @DisplayName("keeps line ends and tabs, printable Latin-1 and Unicode text in multi-line text")
    void lines() {
        assertThat(UntrustedText.lines("x0\t1\nQEMU’s — é\r", 100)).isEqualTo("x0\t1\nQEMU’s — é\\x0d");
    }

    @Test
    @DisplayName("cuts long text and says how much was left out")
    void bounded() {
        assertThat(UntrustedText.visible("a".repeat(50), 10, false)).isEqualTo("aaaaaaaaaa [... 40 more characters not shown]");
    }

    @Test
    @DisplayName("escapes Markdown and HTML markup inline, and keeps identifiers readable")
    void markdownInline() {
        assertThat(UntrustedText.markdown("<script>alert(1)</script> *b* [x](javascript:y) `c` a|b"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; \\*b\\* \\[x\\](javascript:y) \\`c\\` a\\|b");
        assertThat(UntrustedText.markdown("SMCCC.FID_W0 _em_")).isEqualTo("SMCCC.FID_W0 \\_em\\_");
        assertThat(UntrustedText.markdown("# not a heading")).isEqualTo("\\# not a heading");
        assertThat(UntrustedText.markdown("1. not a list")).isEqualTo("1\\. not a list");
        assertThat(UntrustedText.markdown("a\nb\u001b")).isEqualTo("a b\\\\x1b");
    }

    @Test
    @DisplayName("fences a block with more backticks than any run inside it")
    void markdownBlock() {
        assertThat(UntrustedText.markdownBlock("x\n```\n<b>")).isEqualTo("````\nx\n```\n<b>\n````");
    }

    @Test
    @DisplayName("escapes HTML markup and quotes")
    void html() {
        assertThat(UntrustedText.html("<svg onload='x'>\"&\u0000", 100)).isEqualTo("&lt;svg onload=&#39;x&#39;&gt;&quot;&amp;\\x00");
    }
}
