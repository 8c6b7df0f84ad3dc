package org.fwcts.targets.xen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fwcts.targets.Executables;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.FirmwareSpec;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.image.AgentFip;
import org.fwcts.targets.image.AgentImage;
import org.fwcts.targets.image.ImageManifest;
import org.fwcts.targets.qemu.FlashImage;
import org.fwcts.targets.qemu.QemuLauncher;
import org.fwcts.targets.qemu.QemuSettings;

/**
 * Boots Xen's dom0less guests on QEMU: TF-A's BL1 and a copy of its FIP with Xen as BL33 and the
 * partition agent as BL32, QEMU's own device tree with the guests written into {@code /chosen}
 * ({@link DomainTree}), and the VM agent placed once per guest with QEMU's {@code loader} device.
 * The user's files are never modified; everything made goes into the boot's work folder.
 */
public final class XenLauncher implements TargetLauncher {
    private static final long TOOL_SECONDS = 60;

    private final ImageManifest images;

    public XenLauncher(ImageManifest images) {
        this.images = images;
    }

    @Override
    public RunningTarget launch(TargetDescriptor target, Path workDir) {
        XenSettings xen = target.settings(XenSettings.class);
        if (!(target.firmware() instanceof FirmwareSpec.Bl1AndFip tfa)) {
            throw new TargetException(target.file() + ": firmware: a xen target boots Xen as BL33 of TF-A:"
                    + " give firmware.bl1 and firmware.fip");
        }
        AgentImage agent = images.image(target.agentImage());
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("agent:" + agent.name(), agent.sha256());
        hashes.put("hypervisor:xen", AgentImage.sha256Of(xen.image()));
        hashes.put("firmware:bl1", AgentImage.sha256Of(tfa.bl1()));
        hashes.put("firmware:fip", AgentImage.sha256Of(tfa.fip()));
        Path flash = FlashImage.assemble(tfa.bl1(), tfa.fip(), xen.image(), AgentFip.partition(target, images, hashes),
                workDir);
        List<String> boot = new ArrayList<>(List.of("-bios", flash.toString(),
                "-dtb", bootTree(xen, sizeOf(agent.file()), workDir).toString()));
        for (XenGuest guest : xen.guests()) {
            boot.addAll(List.of("-device", String.format(Locale.ROOT, "loader,file=%s,addr=0x%x,force-raw=on",
                    agent.file(), DomainTree.moduleAddress(guest))));
        }
        return QemuLauncher.launchWith(target, xen.qemu(), boot, hashes);
    }

    /** QEMU's device tree for this machine with the guests added, compiled into the work folder. */
    private static Path bootTree(XenSettings xen, long moduleSize, Path workDir) {
        QemuSettings qemu = xen.qemu();
        Path dtc = Executables.find("dtc").orElseThrow(() -> new TargetException(
                "dtc not found on PATH: it writes Xen's guests into the device tree; apt-get install device-tree-compiler"));
        Path qemuBinary = Executables.find(qemu.binary()).orElseThrow(() -> new TargetException(
                "'" + qemu.binary() + "' is not installed or not on PATH; apt-get install qemu-system-arm"));
        try {
            Files.createDirectories(workDir);
            Path machineTree = workDir.resolve("qemu-virt.dtb");
            Path source = workDir.resolve("xen-boot.dts");
            Path tree = workDir.resolve("xen-boot.dtb");
            run(List.of(qemuBinary.toString(), "-machine", qemu.machine() + ",dumpdtb=" + machineTree,
                    "-cpu", qemu.cpu(), "-m", qemu.memory(), "-smp", Integer.toString(qemu.cpus()),
                    "-nodefaults", "-display", "none"), "QEMU could not write its device tree");
            run(List.of(dtc.toString(), "-q", "-I", "dtb", "-O", "dts", "-o", source.toString(), machineTree.toString()),
                    "dtc could not read QEMU's device tree");
            Files.writeString(source, DomainTree.chosen(xen.commandLine(), xen.guests(), moduleSize),
                    java.nio.file.StandardOpenOption.APPEND);
            run(List.of(dtc.toString(), "-q", "-I", "dts", "-O", "dtb", "-o", tree.toString(), source.toString()),
                    "dtc could not compile the boot device tree " + source);
            return tree;
        } catch (IOException e) {
            throw new TargetException("cannot write the boot device tree in " + workDir + ": " + e.getMessage(), e);
        }
    }

    private static void run(List<String> command, String failure) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(TOOL_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new TargetException(failure + ": no answer within " + TOOL_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new TargetException(failure + " (exit " + process.exitValue() + "): " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while running " + command.get(0), e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new TargetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
