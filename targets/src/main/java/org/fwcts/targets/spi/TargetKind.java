package org.fwcts.targets.spi;

import java.util.List;
import org.fwcts.targets.ProjectLayout;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.descriptor.YamlNode;

/**
 * One kind of target (QEMU, an FVP, a physical board, the simulation), found with
 * {@link java.util.ServiceLoader}. A kind reads its own descriptor section, says which consoles
 * and defaults its descriptors take, builds its launcher and adds its doctor checks. Adding a
 * kind is one package: an implementation of this interface and its line in
 * {@code META-INF/services/org.fwcts.targets.spi.TargetKind}.
 */
public interface TargetKind {

    /** The descriptor's {@code kind} value; the kind's own section, if it has one, has the same name. */
    String name();

    /** What the kind's descriptors may say outside its own section, and the defaults they get. */
    KindRules rules();

    /**
     * The kind's own settings, read from its section of {@code descriptor} (the descriptor's root
     * mapping), validated. Reads only; nothing is started, switched or written.
     *
     * @throws org.fwcts.targets.TargetException naming the file and field at fault
     */
    KindSettings read(YamlNode descriptor);

    /**
     * A launcher for {@code descriptor}; checks what can be checked without launching.
     *
     * @throws org.fwcts.targets.TargetException naming the file, field or tool at fault
     */
    TargetLauncher launcher(TargetDescriptor descriptor, ProjectLayout layout);

    /**
     * The reference-model profile that predicts {@code descriptor}'s target: its {@code profile},
     * unless the kind knows better from what it runs (QEMU chooses by its version).
     */
    default String profile(TargetDescriptor descriptor) {
        return descriptor.profile();
    }

    /** What {@code fwcts doctor} checks for this kind beyond what every target needs. */
    default List<DoctorCheck> checks(TargetDescriptor descriptor) {
        return List.of();
    }
}
