package org.fwcts.targets.spi;

import java.util.function.Supplier;

/**
 * One check {@code fwcts doctor} runs.
 *
 * @param name what is checked, as the doctor's table shows it
 * @param probe returns what it found, or throws with how to fix what is missing; it never
 *        switches power, deploys or starts the target
 */
public record DoctorCheck(String name, Supplier<String> probe) {
}
