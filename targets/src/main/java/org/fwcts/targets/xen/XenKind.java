package org.fwcts.targets.xen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fwcts.targets.Executables;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.descriptor.YamlNode;
import org.fwcts.targets.image.ImageManifest;
import org.fwcts.targets.qemu.QemuKind;
import org.fwcts.targets.qemu.QemuSettings;
import org.fwcts.targets.spi.DoctorCheck;
import org.fwcts.targets.spi.KindRules;
import org.fwcts.targets.spi.KindSettings;
import org.fwcts.targets.spi.TargetKind;

/**
 * Xen on QEMU: TF-A boots a user-built Xen as BL33, and Xen starts FWCTS's VM agent in each
 * dom0less guest the {@code xen} section lists; the guests' agents share Xen's console.
 */
public final class XenKind implements TargetKind {
    /** Xen's dom0less boot and guests' first lines take longer than a bare agent's. */
    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Duration COMMAND = Duration.ofSeconds(10);
    /** A device-tree node name (DTSpec 2.2.1), which a guest's name becomes. */
    private static final String NODE_NAME = "[A-Za-z][A-Za-z0-9,._+-]{0,30}";

    @Override
    public String name() {
        return "xen";
    }

    @Override
    public KindRules rules() {
        return KindRules.launched(KindRules.EMULATOR_CONSOLES).withTimeouts(BOOT, COMMAND);
    }

    @Override
    public KindSettings read(YamlNode descriptor) {
        YamlNode node = descriptor.mapping(name()).allowOnly(Set.of("qemu", "image", "commandLine", "version",
                "vmToVm", "inputChunkBytes", "inputGapMillis", "guests"));
        QemuSettings qemu = (QemuSettings) new QemuKind().read(node);
        if (!qemu.secure() || !qemu.machine().contains("virtualization=on")) {
            throw node.error("qemu.machine", "Xen under TF-A needs EL3 and EL2: give secure=on,virtualization=on, got '"
                    + qemu.machine() + "'");
        }
        Path image = node.optionalPath("image").orElseThrow(() -> node.error("image", "missing field (Xen's image)"));
        if (!Files.isReadable(image)) {
            throw node.error("image", "no readable file at " + image);
        }
        String version = node.optionalString("version").orElse("4.22");
        if (!version.matches("4\\.(2[0-9])")) {
            throw node.error("version", "expected a Xen version such as 4.22, got '" + version + "'");
        }
        XenSettings settings = new XenSettings(qemu, image, node.optionalString("commandLine").orElse(
                "console=dtuart dtuart=/pl011@9000000 noreboot"), version, flag(node, "vmToVm", true),
                node.integer("inputChunkBytes", 8, 1, 32), node.integer("inputGapMillis", 10, 0, 1000), guests(node));
        matchesProfile(descriptor, settings);
        return settings;
    }

    /**
     * The mediator model learns the guests from the profile overrides: they must say what this
     * section says (and, with FF-A guests, whether VMs are listed to each other).
     */
    private static void matchesProfile(YamlNode descriptor, XenSettings settings) {
        String vms = String.join(",", settings.guests().stream().map(g -> g.ffaId() + ":" + g.vcpus()
                + (g.mediator() ? "" : ":detached")).toList());
        Map<String, String> overrides = descriptor.stringMap("profileOverrides");
        if (!vms.equals(overrides.get("vms"))) {
            throw descriptor.error("profileOverrides.vms", "must be \"" + vms + "\" to match xen.guests (FF-A ID"
                    + " domain + 1 : vCPUs, :detached without the mediator), got "
                    + (overrides.containsKey("vms") ? "\"" + overrides.get("vms") + "\"" : "nothing"));
        }
        boolean ffa = settings.guests().stream().anyMatch(guest -> guest.tee() == XenGuest.Tee.FFA);
        if (ffa && !Boolean.toString(settings.vmToVm()).equals(overrides.get("vmToVm"))) {
            throw descriptor.error("profileOverrides.vmToVm", "must be \"" + settings.vmToVm() + "\" to match xen.vmToVm");
        }
    }

    private static boolean flag(YamlNode node, String field, boolean otherwise) {
        String text = node.optionalString(field).orElse(Boolean.toString(otherwise));
        if (!text.equals("true") && !text.equals("false")) {
            throw node.error(field, "expected true or false, got '" + text + "'");
        }
        return Boolean.parseBoolean(text);
    }

    /**
     * The guest's TEE mediator: {@code tee: ffa|optee|none}, or as before {@code mediator: true}
     * (FF-A, the default) or {@code false}; both given must agree.
     */
    private static XenGuest.Tee tee(YamlNode guest) {
        boolean mediator = flag(guest, "mediator", true);
        Optional<String> named = guest.optionalString("tee");
        if (named.isEmpty()) {
            return mediator ? XenGuest.Tee.FFA : XenGuest.Tee.NONE;
        }
        XenGuest.Tee tee = XenGuest.Tee.fromProperty(named.get()).orElseThrow(() -> guest.error("tee",
                "expected ffa, optee or none, got '" + named.get() + "'"));
        if (guest.optionalString("mediator").isPresent() && mediator != (tee != XenGuest.Tee.NONE)) {
            throw guest.error("mediator", "says " + mediator + " but tee says " + tee.property()
                    + ": give tee alone");
        }
        return tee;
    }

    private static List<XenGuest> guests(YamlNode node) {
        List<XenGuest> guests = new ArrayList<>();
        for (Map.Entry<String, YamlNode> entry : node.mappings("guests").entrySet()) {
            YamlNode guest = entry.getValue().allowOnly(Set.of("vcpus", "memoryMiB", "mediator", "tee"));
            if (!entry.getKey().matches(NODE_NAME)) {
                throw node.error("guests." + entry.getKey(), "a guest's name becomes a device-tree node name:"
                        + " a letter, then letters, digits or , . _ + - (at most 31)");
            }
            guests.add(new XenGuest(entry.getKey(), guests.size() + 1, guest.integer("vcpus", 1, 1, 8),
                    guest.integer("memoryMiB", 64, 16, 4096), tee(guest)));
        }
        if (guests.isEmpty()) {
            throw node.error("guests", "list at least one guest");
        }
        return guests;
    }

    @Override
    public TargetLauncher launcher(TargetDescriptor descriptor, ProjectLayout layout) {
        return new XenLauncher(ImageManifest.load(layout.imageManifest()));
    }

    @Override
    public List<DoctorCheck> checks(TargetDescriptor descriptor) {
        XenSettings settings = descriptor.settings(XenSettings.class);
        List<DoctorCheck> checks = new ArrayList<>(List.of(tool("QEMU", settings.qemu().binary(),
                        "apt-get install qemu-system-arm"),
                tool("dtc", "dtc", "apt-get install device-tree-compiler"),
                tool("fiptool", "fiptool", "apt-get install arm-trusted-firmware-tools"),
                new DoctorCheck("Xen image", () -> settings.image() + " (" + sizeOf(settings.image()) + " bytes)")));
        if (settings.guests().stream().anyMatch(guest -> guest.tee() == XenGuest.Tee.OPTEE)) {
            checks.addAll(OpteeImages.checks(settings.image(), descriptor.firmware()));
        }
        return checks;
    }

    private static DoctorCheck tool(String name, String binary, String fix) {
        return new DoctorCheck(name, () -> Executables.find(binary).map(Object::toString)
                .orElseThrow(() -> new TargetException(binary + " not found on PATH; fix: " + fix)));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new TargetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
