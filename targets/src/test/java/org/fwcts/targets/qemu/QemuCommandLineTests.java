package org.fwcts.targets.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.fwcts.targets.descriptor.ConsoleSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The QEMU command line")
class QemuCommandLineTests {
    private final QemuSettings settings = new QemuSettings("qemu-system-aarch64", "virt,virtualization=on", "cortex-a57",
            "512M", 2, List.of("-d", "guest_errors"));

    @Test
    @DisplayName("boots the agent ELF with no default devices and one chardev per console")
    void directBoot() {
        List<String> args = new QemuCommandLine(Path.of("/usr/bin/qemu-system-aarch64"), settings)
                .kernel(Path.of("/img/agent.elf"))
                .console(0, new ConsoleSpec("agent", ConsoleSpec.Kind.STDIO, "127.0.0.1", 0))
                .console(1, new ConsoleSpec("secure", ConsoleSpec.Kind.TELNET, "127.0.0.1", 4321))
                .extra(settings.extraArgs()).args();
        assertThat(String.join(" ", args)).isEqualTo("/usr/bin/qemu-system-aarch64 -machine virt,virtualization=on"
                + " -cpu cortex-a57 -m 512M -smp 2 -nodefaults -display none -monitor none -no-reboot"
                + " -kernel /img/agent.elf"
                + " -chardev stdio,id=con0,signal=off -serial chardev:con0"
                + " -chardev socket,id=con1,host=127.0.0.1,port=4321,server=on,wait=on,nodelay=on,telnet=on -serial chardev:con1"
                + " -d guest_errors");
    }

    @Test
    @DisplayName("with a -bios image preloads the agent at its link address without entering it")
    void biosBoot() {
        List<String> args = new QemuCommandLine(Path.of("q"), settings).bios(Path.of("rom.bin"))
                .preload(Path.of("agent-bl33.elf")).args();
        assertThat(args).containsSequence("-bios", "rom.bin", "-device", "loader,file=agent-bl33.elf");
    }

    @Test
    @DisplayName("gives raw TCP and pseudo-terminal consoles their chardevs")
    void tcpAndPty() {
        List<String> args = new QemuCommandLine(Path.of("q"), settings)
                .console(0, new ConsoleSpec("agent", ConsoleSpec.Kind.TCP, "127.0.0.1", 5000))
                .console(1, new ConsoleSpec("other", ConsoleSpec.Kind.PTY, "127.0.0.1", 0)).args();
        assertThat(args).containsSequence("-chardev", "socket,id=con0,host=127.0.0.1,port=5000,server=on,wait=on,nodelay=on")
                .containsSequence("-chardev", "pty,id=con1", "-serial", "chardev:con1");
    }
}
