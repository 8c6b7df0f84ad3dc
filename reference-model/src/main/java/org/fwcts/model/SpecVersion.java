package org.fwcts.model;

/**
 * A major.minor version as SMCCC, PSCI and FF-A encode it in a register: major in bits
 * [30:16], minor in bits [15:0], bit 31 clear.
 */
public record SpecVersion(int major, int minor) implements Comparable<SpecVersion> {
    public SpecVersion {
        if (major < 0 || major > 0x7FFF || minor < 0 || minor > 0xFFFF) {
            throw new IllegalArgumentException("version out of range: " + major + "." + minor);
        }
    }

    public static SpecVersion of(int major, int minor) {
        return new SpecVersion(major, minor);
    }

    /** Parses {@code "1.2"}. */
    public static SpecVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected MAJOR.MINOR, got '" + text + "'");
        }
        try {
            return new SpecVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected MAJOR.MINOR, got '" + text + "'", e);
        }
    }

    public static SpecVersion decode(int encoded) {
        return new SpecVersion((encoded >>> 16) & 0x7FFF, encoded & 0xFFFF);
    }

    public int encode() {
        return (major << 16) | minor;
    }

    public boolean atLeast(int otherMajor, int otherMinor) {
        return compareTo(of(otherMajor, otherMinor)) >= 0;
    }

    @Override
    public int compareTo(SpecVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
