package org.fwcts.model.rmm;

/**
 * A realm as its RD describes it.
 *
 * @param rd the RD granule's address
 * @param lifecycle NEW, ACTIVE or SYSTEM_OFF
 * @param s2sz the IPA width; IPA bit s2sz-1 splits the protected from the unprotected half
 * @param startLevel the RTT level of the root
 * @param rttBase the first root RTT granule
 * @param rootCount how many concatenated root RTTs
 * @param vmid the realm's VMID
 * @param nextRecIndex the index the next REC_CREATE must give in its MPIDR
 * @param liveRecs how many RECs exist (REALM_DESTROY refuses while any do)
 * @param ordinal which realm of the boot this is, from 0 (names the realm agent's endpoint)
 * @param hashAlgorithm the measurement algorithm of the realm parameters: 0 SHA-256, 1 SHA-512
 * @param rems the realm extensible measurements 1 to 4 (hex, the hash's length), all zero at creation
 */
public record Realm(long rd, Lifecycle lifecycle, int s2sz, int startLevel, long rttBase, int rootCount, int vmid,
        int nextRecIndex, int liveRecs, int ordinal, int hashAlgorithm, java.util.List<String> rems) {

    public Realm {
        rems = java.util.List.copyOf(rems);
    }

    /** A realm measured with SHA-256, its REMs zero. */
    public Realm(long rd, Lifecycle lifecycle, int s2sz, int startLevel, long rttBase, int rootCount, int vmid,
            int nextRecIndex, int liveRecs, int ordinal) {
        this(rd, lifecycle, s2sz, startLevel, rttBase, rootCount, vmid, nextRecIndex, liveRecs, ordinal, 0,
                Measurements.zero(0));
    }

    /** DEN0137 1.0, "Realm lifecycle". */
    public enum Lifecycle {
        NEW, ACTIVE, SYSTEM_OFF
    }

    /** The lowest unprotected IPA: the top bit of the IPA space set. */
    public long unprotectedBase() {
        return 1L << (s2sz - 1);
    }

    public long ipaLimit() {
        return 1L << s2sz;
    }

    public boolean protectedIpa(long ipa) {
        return Long.compareUnsigned(ipa, unprotectedBase()) < 0;
    }

    Realm withLifecycle(Lifecycle changed) {
        return new Realm(rd, changed, s2sz, startLevel, rttBase, rootCount, vmid, nextRecIndex, liveRecs, ordinal,
                hashAlgorithm, rems);
    }

    Realm withRecs(int next, int live) {
        return new Realm(rd, lifecycle, s2sz, startLevel, rttBase, rootCount, vmid, next, live, ordinal, hashAlgorithm,
                rems);
    }

    /** This realm with {@code other}'s measurements (for a simulated deviation that loses an extension). */
    public Realm withRemsOf(Realm other) {
        return new Realm(rd, lifecycle, s2sz, startLevel, rttBase, rootCount, vmid, nextRecIndex, liveRecs, ordinal,
                hashAlgorithm, other.rems());
    }

    Realm withRem(int index, String value) {
        java.util.List<String> changed = new java.util.ArrayList<>(rems);
        changed.set(index - 1, value);
        return new Realm(rd, lifecycle, s2sz, startLevel, rttBase, rootCount, vmid, nextRecIndex, liveRecs, ordinal,
                hashAlgorithm, changed);
    }
}
