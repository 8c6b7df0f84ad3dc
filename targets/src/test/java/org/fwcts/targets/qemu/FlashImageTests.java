package org.fwcts.targets.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The TF-A flash image")
class FlashImageTests {
    @TempDir
    Path dir;

    @Test
    @DisplayName("holds BL1 at 0 and a copy of the FIP with the agent as BL33 at 256 KiB; the user's FIP is untouched")
    void layout() throws Exception {
        Path bl1 = Files.write(dir.resolve("bl1.bin"), new byte[] {1, 2, 3, 4});
        Path bl31 = Files.write(dir.resolve("bl31.bin"), new byte[] {5, 6, 7, 8});
        Path agent = Files.write(dir.resolve("agent.bin"), new byte[] {9, 9, 9, 9, 9, 9, 9, 9});
        Path fip = dir.resolve("fip.bin");
        run("fiptool", "create", "--soc-fw", bl31.toString(), fip.toString());
        byte[] userFip = Files.readAllBytes(fip);

        Path flash = FlashImage.assemble(bl1, fip, agent, java.util.Optional.empty(), dir.resolve("work"));

        byte[] image = Files.readAllBytes(flash);
        assertThat(Arrays.copyOf(image, 4)).containsExactly(1, 2, 3, 4);
        assertThat(Arrays.copyOfRange(image, 4, FlashImage.FIP_OFFSET)).containsOnly(0);
        byte[] placedFip = Arrays.copyOfRange(image, FlashImage.FIP_OFFSET, image.length);
        assertThat(placedFip).isEqualTo(Files.readAllBytes(dir.resolve("work/fip-with-agent.bin")));
        assertThat(run("fiptool", "info", dir.resolve("work/fip-with-agent.bin").toString()))
                .contains("Non-Trusted Firmware BL33").contains("size=0x8");
        assertThat(Files.readAllBytes(fip)).isEqualTo(userFip);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
