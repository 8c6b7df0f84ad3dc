package org.fwcts.targets.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The agent images")
class AgentImageBuildTests {
    @TempDir
    Path temp;

    private static void make(Path buildDir, String... variables) throws Exception {
        Path agentSources = ProjectLayout.discover().root().resolve("firmware-images/agent");
        List<String> command = new java.util.ArrayList<>(List.of("make", "-s", "-C", agentSources.toString(),
                "BUILD_DIR=" + buildDir));
        command.addAll(List.of(variables));
        Process make = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(make.getInputStream().readAllBytes());
        assertThat(make.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(make.exitValue()).as(output).isZero();
    }

    @Test
    @DisplayName("build reproducibly: two builds in different folders give the same SHA-256 as the project build")
    void buildReproducibly() throws Exception {
        make(temp.resolve("a"));
        make(temp.resolve("b"));
        ImageManifest project = ImageManifest.load(ProjectLayout.discover().imageManifest());
        for (String name : List.of("agent-virt", "agent-bl33", "agent-bl33-qemu", "sp-agent", "sp-agent-manifest",
                "realm-agent")) {
            String a = ImageManifest.load(temp.resolve("a/manifest.yaml")).image(name).sha256();
            String b = ImageManifest.load(temp.resolve("b/manifest.yaml")).image(name).sha256();
            assertThat(a).isEqualTo(b).isEqualTo(project.image(name).sha256());
        }
    }

    @Test
    @DisplayName("keep one image's make variables to it: UART_BASE and STACK_SIZE for the host agent leave the"
            + " SP and realm agents as the project builds them")
    void variablesStayWithTheirImage() throws Exception {
        make(temp.resolve("d"), "UART_BASE=0x1c090000", "STACK_SIZE=0x8000");
        ImageManifest project = ImageManifest.load(ProjectLayout.discover().imageManifest());
        ImageManifest built = ImageManifest.load(temp.resolve("d/manifest.yaml"));
        assertThat(built.image("agent-virt").sha256()).isNotEqualTo(project.image("agent-virt").sha256());
        for (String name : List.of("sp-agent", "realm-agent")) {
            assertThat(built.image(name).sha256()).as(name).isEqualTo(project.image(name).sha256());
        }
    }

    @Test
    @DisplayName("the realm agent is whole 4 KiB granules, at most 64 KiB, linked at realm IPA 0x40000000")
    void realmAgentFitsItsContract() throws Exception {
        AgentImage realm = ImageManifest.load(ProjectLayout.discover().imageManifest()).image("realm-agent");
        long size = Files.size(realm.file());
        assertThat(size % 4096).isZero();
        assertThat(size).isPositive().isLessThanOrEqualTo(64 * 1024);
        assertThat(realm.loadAddress()).isEqualTo(0x40000000L);
    }

    @Test
    @DisplayName("are refused when a file no longer matches the manifest's SHA-256")
    void refuseTamperedImage() throws Exception {
        make(temp.resolve("c"));
        ImageManifest manifest = ImageManifest.load(temp.resolve("c/manifest.yaml"));
        Path image = manifest.image("agent-virt").file();
        Files.write(image, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> manifest.image("agent-virt")).isInstanceOf(TargetException.class)
                .hasMessageContaining(image + ": SHA-256 ").hasMessageContaining("does not match the image manifest");
    }
}
