package org.fwcts.targets.qemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fwcts.targets.descriptor.ConsoleSpec;

/** Builds the QEMU command line for a target: machine, boot images and one chardev per console. */
final class QemuCommandLine {
    private final List<String> args = new ArrayList<>();

    QemuCommandLine(Path binary, QemuSettings settings) {
        args.addAll(List.of(binary.toString(),
                "-machine", settings.machine(), "-cpu", settings.cpu(),
                "-m", settings.memory(), "-smp", Integer.toString(settings.cpus()),
                // Only the devices asked for below: no default monitor, serial or display.
                "-nodefaults", "-display", "none", "-monitor", "none", "-no-reboot"));
    }

    /** QEMU's data directory (firmware blobs, option ROMs), for a QEMU unpacked outside its install prefix. */
    QemuCommandLine dataDir(Path dir) {
        args.addAll(List.of("-L", dir.toString()));
        return this;
    }

    /** Boots {@code elf} directly: QEMU enters it at its ELF entry point at the highest EL the machine has. */
    QemuCommandLine kernel(Path elf) {
        args.addAll(List.of("-kernel", elf.toString()));
        return this;
    }

    /** Boots a firmware image from the boot ROM. */
    QemuCommandLine bios(Path image) {
        args.addAll(List.of("-bios", image.toString()));
        return this;
    }

    /** Places an ELF in memory at its link address without entering it: firmware hands over to it. */
    QemuCommandLine preload(Path elf) {
        args.addAll(List.of("-device", "loader,file=" + elf));
        return this;
    }

    /** Connects the next UART to {@code console}, whose port (for network kinds) is already chosen. */
    QemuCommandLine console(int index, ConsoleSpec console) {
        String id = "con" + index;
        String chardev = switch (console.kind()) {
            case STDIO -> "stdio,id=" + id + ",signal=off";
            case PTY -> "pty,id=" + id;
            // wait=on: the machine starts only once the harness is connected, so no boot output is lost.
            case TCP -> socket(id, console, false);
            case TELNET -> socket(id, console, true);
            case SERIAL -> throw new IllegalArgumentException("QEMU cannot serve a host serial device as a console");
        };
        args.addAll(List.of("-chardev", chardev, "-serial", "chardev:" + id));
        return this;
    }

    /** A QMP server on the unix socket {@code socket}, for resetting the machine in place; QEMU does not wait for a client. */
    QemuCommandLine qmp(Path socket) {
        args.addAll(List.of("-qmp", "unix:" + socket + ",server=on,wait=off"));
        return this;
    }

    QemuCommandLine extra(List<String> extraArgs) {
        args.addAll(extraArgs);
        return this;
    }

    List<String> args() {
        return List.copyOf(args);
    }

    /**
     * A listening socket chardev. {@code nodelay=on} turns Nagle's algorithm off on QEMU's side:
     * with it on, each short reply line waits for the previous one's acknowledgement (delayed ACK,
     * ~40 ms), and a network console runs about a hundred times slower than stdio.
     */
    private static String socket(String id, ConsoleSpec console, boolean telnet) {
        return "socket,id=" + id + ",host=" + console.host() + ",port=" + console.port() + ",server=on,wait=on,nodelay=on"
                + (telnet ? ",telnet=on" : "");
    }
}
