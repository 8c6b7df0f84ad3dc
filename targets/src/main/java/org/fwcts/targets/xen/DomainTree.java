package org.fwcts.targets.xen;

import java.util.List;
import java.util.Locale;

/**
 * The device-tree source that turns QEMU's tree into a dom0less Xen boot: {@code /chosen} gets
 * Xen's command line and one {@code xen,domain} node per guest, with a {@code vpl011}, its memory
 * and vCPUs, the guest's kernel module (the VM agent, placed by QEMU's loader at
 * {@link #moduleAddress}) and, for a guest that is to have one, {@code tee = "ffa"} or
 * {@code tee = "optee"} (the property the Xen under test must honour; README, "Xen"). Appended to the decompiled tree, dtc merges it
 * into {@code /chosen}. Pure: text in, text out.
 */
final class DomainTree {
    /** Where the first guest's module is placed; each further one 2 MiB higher (below Xen at 0x60000000). */
    static final long FIRST_MODULE = 0x4800_0000L;
    static final long MODULE_STRIDE = 0x20_0000L;

    private DomainTree() {
    }

    static long moduleAddress(XenGuest guest) {
        return FIRST_MODULE + (guest.domain() - 1) * MODULE_STRIDE;
    }

    /** The source to append for {@code guests}, each booting a module of {@code moduleSize} bytes. */
    static String chosen(String commandLine, List<XenGuest> guests, long moduleSize) {
        StringBuilder dts = new StringBuilder("\n/ {\n\tchosen {\n");
        dts.append("\t\t#address-cells = <2>;\n\t\t#size-cells = <2>;\n");
        dts.append("\t\txen,xen-bootargs = \"").append(quoted(commandLine)).append("\";\n");
        for (XenGuest guest : guests) {
            long module = moduleAddress(guest);
            dts.append("\t\t").append(guest.name()).append(" {\n");
            dts.append("\t\t\tcompatible = \"xen,domain\";\n");
            dts.append("\t\t\t#address-cells = <2>;\n\t\t\t#size-cells = <2>;\n");
            // memory is in KiB, a 64-bit value (docs/misc/arm/device-tree/booting.txt).
            dts.append(String.format(Locale.ROOT, "\t\t\tmemory = <0x0 0x%x>;%n", guest.memoryMiB() * 1024L));
            dts.append("\t\t\tcpus = <").append(guest.vcpus()).append(">;\n");
            dts.append("\t\t\tvpl011;\n");
            if (guest.mediator()) {
                dts.append("\t\t\ttee = \"").append(guest.tee().property()).append("\";\n");
            }
            dts.append(String.format(Locale.ROOT, "\t\t\tmodule@%x {%n", module));
            dts.append("\t\t\t\tcompatible = \"multiboot,kernel\", \"multiboot,module\";\n");
            dts.append(String.format(Locale.ROOT, "\t\t\t\treg = <0x0 0x%x 0x0 0x%x>;%n", module, moduleSize));
            dts.append("\t\t\t};\n\t\t};\n");
        }
        return dts.append("\t};\n};\n").toString();
    }

    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
