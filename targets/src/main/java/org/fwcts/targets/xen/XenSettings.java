package org.fwcts.targets.xen;

import java.nio.file.Path;
import java.util.List;
import org.fwcts.targets.qemu.QemuSettings;
import org.fwcts.targets.spi.KindSettings;

/**
 * A {@code xen} target's own section: the QEMU machine, the Xen image and its command line, and
 * the dom0less guests, each running FWCTS's VM agent.
 *
 * @param qemu how QEMU is started ({@code xen.qemu}, as a {@code qemu} target's section)
 * @param image Xen's image, booted by TF-A as BL33
 * @param commandLine Xen's command line ({@code xen,xen-bootargs})
 * @param version the Xen version under test ({@code 4.22}), which picks the mediator's profile
 * @param vmToVm whether the Xen was built with {@code CONFIG_FFA_VM_TO_VM}
 * @param pacingChunk bytes of input sent to a guest at once
 * @param pacingGapMillis the pause after each chunk
 * @param guests the guests, domain 1 first
 */
public record XenSettings(QemuSettings qemu, Path image, String commandLine, String version, boolean vmToVm,
        int pacingChunk, int pacingGapMillis, List<XenGuest> guests) implements KindSettings {
    public XenSettings {
        guests = List.copyOf(guests);
    }
}
