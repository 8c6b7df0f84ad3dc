package org.fwcts.targets.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JSON string literals written by hand")
class JsonTextTests {
    @Test
    @DisplayName("escape quotes, backslashes and every control character, keep the rest, and read back as written")
    void quotesAndReadsBack() throws Exception {
        StringBuilder all = new StringBuilder("plain \"quoted\" back\\slash é — ");
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        String text = all.toString();
        StringBuilder out = new StringBuilder();
        JsonText.quote(out, text);

        assertThat(out.toString()).startsWith("\"plain \\\"quoted\\\" back\\\\slash é — \\u0000\\u0001")
                .contains("\\b\\t\\n\\u000b\\f\\r").endsWith("\\u001f\"");
        assertThat(out.chars().filter(c -> c < 0x20)).isEmpty();
        assertThat(new ObjectMapper().readValue(out.toString(), String.class)).isEqualTo(text);
    }
}
