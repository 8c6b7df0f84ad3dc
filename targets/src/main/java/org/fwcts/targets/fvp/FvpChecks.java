package org.fwcts.targets.fvp;

import java.util.List;
import org.fwcts.targets.descriptor.TargetDescriptor;

/**
 * What {@code fwcts doctor} checks on an FVP target without starting the model: that the model
 * executable is there, and which licence variables the model will see (by name; values are the
 * user's business and are not shown).
 */
public final class FvpChecks {
    private FvpChecks() {
    }

    public static String model(TargetDescriptor target) {
        return FvpLauncher.binary(target) + " (preset " + target.settings(FvpSettings.class).preset() + ")";
    }

    public static String licence(TargetDescriptor target) {
        List<String> set = FvpSettings.LICENCE_VARIABLES.stream()
                .filter(name -> target.settings(FvpSettings.class).environment().containsKey(name) || !System.getenv().getOrDefault(name, "").isBlank())
                .toList();
        return set.isEmpty() ? "none of " + FvpSettings.LICENCE_VARIABLES + " is set: fine for the free Base FVPs;"
                + " a licensed model needs one (export ARMLMD_LICENSE_FILE=port@server)" : String.join(", ", set) + " set";
    }
}
