package org.fwcts.targets.descriptor;

import java.nio.file.Path;

/** The secure firmware a target boots before the agent, if any. */
public sealed interface FirmwareSpec {

    /** No firmware: the agent is entered directly and QEMU answers SMCs itself. */
    record None() implements FirmwareSpec {
    }

    /** A complete boot ROM image given to QEMU's {@code -bios}, which must bring up the agent itself. */
    record Bios(Path image) implements FirmwareSpec {
    }

    /**
     * TF-A's BL1 and FIP: the launcher places the agent into a copy of the FIP as BL33 and
     * lays both out as the flash image TF-A's QEMU platform expects.
     */
    record Bl1AndFip(Path bl1, Path fip) implements FirmwareSpec {
    }
}
