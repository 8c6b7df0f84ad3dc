package org.fwcts.targets.xen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.FirmwareSpec;
import org.fwcts.targets.spi.DoctorCheck;

/**
 * What {@code fwcts doctor} can tell of a Xen + OP-TEE stack without booting it, from the lines
 * each image would print: Xen's OP-TEE mediator prints {@value #XEN_LINE} when it probes OP-TEE
 * ({@code optee_probe}, xen/arch/arm/tee/optee.c, only built with {@code CONFIG_OPTEE}), and an
 * OP-TEE built with {@code CFG_NS_VIRTUALIZATION} prints {@value #OPTEE_LINE} for each guest Xen
 * creates ({@code virt_guest_created}, core/arch/arm/kernel/virtualization.c). A run decides for
 * certain from the boot's log (the harness's {@code OpteeMediatorPresence}).
 */
final class OpteeImages {
    static final String XEN_LINE = "OP-TEE supports %u simultaneous threads per guest";
    static final String OPTEE_LINE = "Added guest %d";

    private OpteeImages() {
    }

    static List<DoctorCheck> checks(Path xen, FirmwareSpec firmware) {
        DoctorCheck mediator = new DoctorCheck("Xen's OP-TEE mediator", () -> {
            if (!contains(xen, XEN_LINE)) {
                throw new TargetException("Xen without the OP-TEE mediator: " + xen + " lacks the line '" + XEN_LINE
                        + "' its OP-TEE mediator prints; build Xen with CONFIG_TEE and CONFIG_OPTEE");
            }
            return xen + " has it (its line '" + XEN_LINE + "')";
        });
        DoctorCheck virtualization = new DoctorCheck("OP-TEE built for virtualization", () -> {
            if (!(firmware instanceof FirmwareSpec.Bl1AndFip tfa)) {
                return "not checked: the firmware is not a bl1 + fip pair";
            }
            if (!contains(tfa.fip(), OPTEE_LINE)) {
                throw new TargetException("OP-TEE built without virtualization: no OP-TEE in " + tfa.fip()
                        + " has the line '" + OPTEE_LINE + "' it prints for each guest with CFG_NS_VIRTUALIZATION=y"
                        + " (an OP-TEE built with CFG_TEE_CORE_LOG_LEVEL=0 lacks it too; the run's boot decides)");
            }
            return tfa.fip() + " has an OP-TEE that does (its line '" + OPTEE_LINE + "')";
        });
        return List.of(mediator, virtualization);
    }

    /** Whether {@code file} holds {@code text}'s bytes (a C string literal of the image). */
    static boolean contains(Path file, String text) {
        byte[] wanted = text.getBytes(StandardCharsets.US_ASCII);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TargetException("cannot read " + file + ": " + e.getMessage(), e);
        }
        outer:
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
