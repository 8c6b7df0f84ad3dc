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

    private static void make(Path buildDir) throws Exception {
        Path agentSources = ProjectLayout.discover().root().resolve("firmware-images/agent");
        Process make = new ProcessBuilder(List.of("make", "-s", "-C", agentSources.toString(), "BUILD_DIR=" + buildDir))
                .redirectErrorStream(true).start();
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
        for (String name : List.of("agent-virt", "agent-bl33", "sp-agent", "sp-agent-manifest")) {
            String a = ImageManifest.load(temp.resolve("a/manifest.yaml")).image(name).sha256();
            String b = ImageManifest.load(temp.resolve("b/manifest.yaml")).image(name).sha256();
            assertThat(a).isEqualTo(b).isEqualTo(project.image(name).sha256());
        }
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
