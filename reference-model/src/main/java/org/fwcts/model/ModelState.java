package org.fwcts.model;

import java.util.Optional;

/**
 * The firmware state the model carries from one call to the next within a boot.
 *
 * @param ffaCallerVersion the FF-A version the caller announced in its last FFA_VERSION call,
 *     if any; later FF-A calls are predicted for that version
 */
public record ModelState(Optional<SpecVersion> ffaCallerVersion) {

    /** The state right after the target boots. */
    public static ModelState freshBoot() {
        return new ModelState(Optional.empty());
    }

    public ModelState withFfaCallerVersion(SpecVersion version) {
        return new ModelState(Optional.of(version));
    }
}
