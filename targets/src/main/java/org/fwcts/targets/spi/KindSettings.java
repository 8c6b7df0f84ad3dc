package org.fwcts.targets.spi;

/**
 * A target kind's own part of a descriptor, as that kind read it: passive values, validated at
 * load; whatever acts on them (a process, a power switch) is built at launch.
 */
public interface KindSettings {
}
