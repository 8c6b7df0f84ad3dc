package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("run.json, written without an object mapper")
class RunInvocationJsonTests {
    @TempDir
    Path dir;

    static Stream<RunInvocation> invocations() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("enforcedEndpoints", "0x0000,0x8001");
        overrides.put("vms", "2:2,3:2 \"quoted\" \\ é\n");
        overrides.put("awkward \u0001\u007f/", "\u001f \uD83D\uDE00 \uDC00");
        return Stream.of(
                new RunInvocation("20261205-202411-simulated-tfa", "simulated-tfa", List.of(), List.of("FfaVersionTests"),
                        new RunInvocation.ModelSetup("tfa-el3-spmc", overrides, 1879048192L, 64)),
                new RunInvocation("r", "qemu-virt", List.of("psci", "smccc"), List.of(),
                        new RunInvocation.ModelSetup("qemu-builtin-psci", Map.of(), null, null)),
                new RunInvocation("r", "t", List.of(), List.of("A", "B", "C"), null));
    }

    @ParameterizedTest
    @MethodSource("invocations")
    @DisplayName("is laid out as Jackson's default pretty printer lays it out, and reads back the same")
    void asJacksonWritesIt(RunInvocation invocation) throws IOException {
        assertThat(invocation.json().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(invocation));
        invocation.write(dir);
        assertThat(RunInvocation.read(dir)).isEqualTo(invocation);
    }
}
