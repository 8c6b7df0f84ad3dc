package org.fwcts.testcases.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fwcts.targets.Executables;
import org.fwcts.targets.ProjectLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code fwcts} launcher script's build step, run from a copy of the script with a stand-in
 * {@code mvn} (a shell script replaying Maven's output) first on the PATH: the real build is
 * what the rest of the self-tests ran on.
 */
@DisplayName("The fwcts script's build step")
class FwctsScriptSelfTests {
    private static final String ESC = "\u001b";
    /** What the script checks for before anything else; installing them is not this test's business. */
    private static final List<String> TOOLS = List.of("java", "make", "aarch64-linux-gnu-gcc", "qemu-system-aarch64",
            "fiptool", "dtc");

    @TempDir
    Path temp;

    @BeforeEach
    void copyScript() throws IOException {
        assumeTrue(TOOLS.stream().allMatch(t -> Executables.find(t).isPresent()),
                "needs " + TOOLS + " installed (./fwcts selftest installs them), or the script would install them");
        Path script = temp.resolve("fwcts");
        Files.copy(ProjectLayout.discover().root().resolve("fwcts"), script);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(temp.resolve("bin"));
        Files.createDirectories(temp.resolve("testcases/cli/target"));
    }

    @Test
    @DisplayName("shows each module and the downloads as they happen, without colour escapes")
    void showsProgressWithoutEscapes() throws Exception {
        fakeMaven(0, ESC + "[0m" + ESC + "[0m[INFO] Scanning for projects...",
                "Downloading from central: https://repo.maven.apache.org/maven2/a/b/1/b-1.pom",
                "Downloaded from central: https://repo.maven.apache.org/maven2/a/b/1/b-1.pom (2 kB at 9 kB/s)",
                "[INFO] Building FWCTS reference model 0.1.0-SNAPSHOT                      [3/7]",
                "[INFO] Building FWCTS harness 0.1.0-SNAPSHOT                              [5/7]",
                "[INFO] BUILD SUCCESS", ESC + "[0m");
        Result build = script("build");
        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output()).contains("fwcts: building FWCTS reference model [3/7]")
                .contains("fwcts: building FWCTS harness [5/7]").contains("downloading dependencies: 1 files so far")
                .doesNotContain(ESC);
        assertThat(temp.resolve(".fwcts/build.log")).content().contains("Downloaded from central").doesNotContain(ESC);
    }

    @Test
    @DisplayName("that fails exits 2 (not 1, which means conformance failures) with Maven's errors")
    void failedBuildExitsTwo() throws Exception {
        fakeMaven(1, "[INFO] Building FWCTS harness 0.1.0-SNAPSHOT                              [5/7]",
                "[ERROR] /src/Foo.java:[3,1] class, interface, enum, or record expected", "[INFO] BUILD FAILURE");
        Result build = script("build");
        assertThat(build.exitCode()).as(build.output()).isEqualTo(2);
        assertThat(build.output()).contains("Foo.java:[3,1] class, interface").contains("the build failed")
                .doesNotContain("PKIX");
    }

    @Test
    @DisplayName("behind a TLS-intercepting proxy explains the PKIX error and what to do")
    void explainsPkixError() throws Exception {
        fakeMaven(1, "Downloading from central: https://repo.maven.apache.org/maven2/org/x/x-1.pom",
                "[ERROR] Failed to execute goal on project fwcts-parent: Could not transfer artifact org:x:pom:1 from/to"
                        + " central (https://repo.maven.apache.org/maven2): PKIX path building failed:"
                        + " sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid"
                        + " certification path to requested target", "[INFO] BUILD FAILURE");
        Result build = script("build");
        assertThat(build.exitCode()).isEqualTo(2);
        assertThat(build.output()).contains("a proxy on this network intercepts TLS")
                .contains("update-ca-certificates").contains("TLS-intercepting");
    }

    private void fakeMaven(int exitCode, String... lines) throws IOException {
        Path output = Files.write(temp.resolve("maven-output.txt"), List.of(lines));
        Path mvn = temp.resolve("bin/mvn");
        Files.writeString(mvn, "#!/bin/sh\ncat '" + output + "'\nexit " + exitCode + "\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Result script(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", temp.resolve("fwcts").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("out.txt").toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> environment = builder.environment();
        environment.put("PATH", temp.resolve("bin") + ":" + environment.get("PATH"));
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(temp.resolve("out.txt")));
    }

    private record Result(int exitCode, String output) {
    }
}
