package org.fwcts.model.mediator.optee;

import java.util.List;
import java.util.Optional;

/**
 * The facts of one OP-TEE OS build the model needs, each a build choice rather than a rule.
 *
 * @param threads CFG_NUM_THREADS: the thread pool of each guest (with CFG_NS_VIRTUALIZATION every guest
 *     partition has its own copy of the core's data, the thread array included), and what Xen reads as
 *     max_optee_threads at boot ("OP-TEE supports N simultaneous threads per guest")
 * @param secCaps what OP-TEE answers EXCHANGE_CAPABILITIES with (entry_fast.c), before Xen filters it
 * @param osRevision CFG_OPTEE_REVISION_MAJOR and _MINOR; empty: bound from the first answer
 * @param pseudoTas the UUIDs (16 octets each, as OPEN_SESSION carries them) of the pseudo TAs built in
 *     that open a session for a normal-world client
 */
public record OpteeBuild(int threads, long secCaps, Optional<long[]> osRevision, List<byte[]> pseudoTas) {
    /** PTA_DEVICE_UUID 7011a688-ddde-4053-a5a9-7b3c4ddf13b8 (lib/libutee/include/pta_device.h), CFG_DEVICE_ENUM_PTA=y by default. */
    public static final byte[] DEVICE_PTA = uuid(0x7011a688, 0xddde, 0x4053,
            new int[] {0xa5, 0xa9, 0x7b, 0x3c, 0x4d, 0xdf, 0x13, 0xb8});

    /**
     * OP-TEE 4.9 for vexpress-qemu_armv8a with CFG_NS_VIRTUALIZATION=y: 2 threads (Xen logs "OP-TEE supports 2
     * simultaneous threads per guest"), and the capabilities it was measured to answer, 0xfc: dynamic SHM,
     * virtualization, MEMREF_NULL, asynchronous notification, RPC_ARG and RPMB probe (entry_fast.c).
     */
    public static final OpteeBuild QEMU_V8_VIRT = new OpteeBuild(2, OpteeSmc.SEC_CAP_DYNAMIC_SHM
            | OpteeSmc.SEC_CAP_VIRTUALIZATION | OpteeSmc.SEC_CAP_MEMREF_NULL | OpteeSmc.SEC_CAP_ASYNC_NOTIF
            | OpteeSmc.SEC_CAP_RPC_ARG | OpteeSmc.SEC_CAP_RPMB_PROBE,
            Optional.empty(), List.of(DEVICE_PTA));

    public OpteeBuild {
        if (threads < 1) {
            throw new IllegalArgumentException("OP-TEE has at least one thread: " + threads);
        }
        pseudoTas = List.copyOf(pseudoTas);
    }

    public OpteeBuild withThreads(int count) {
        return new OpteeBuild(count, secCaps, osRevision, pseudoTas);
    }

    public OpteeBuild withSecCaps(long caps) {
        return new OpteeBuild(threads, caps, osRevision, pseudoTas);
    }

    public OpteeBuild withOsRevision(long major, long minor) {
        return new OpteeBuild(threads, secCaps, Optional.of(new long[] {major, minor}), pseudoTas);
    }

    /** Whether {@code uuid} names a pseudo TA of this build. */
    public boolean isPseudoTa(byte[] uuid) {
        return pseudoTas.stream().anyMatch(known -> java.util.Arrays.equals(known, uuid));
    }

    /** A UUID's 16 octets in the order TEE_UUID lists them (tee_uuid_to_octets: big-endian fields). */
    public static byte[] uuid(long timeLow, int timeMid, int timeHiAndVersion, int[] clockSeqAndNode) {
        byte[] octets = new byte[16];
        for (int i = 0; i < 4; i++) {
            octets[i] = (byte) (timeLow >>> (24 - 8 * i));
        }
        octets[4] = (byte) (timeMid >>> 8);
        octets[5] = (byte) timeMid;
        octets[6] = (byte) (timeHiAndVersion >>> 8);
        octets[7] = (byte) timeHiAndVersion;
        for (int i = 0; i < 8; i++) {
            octets[8 + i] = (byte) clockSeqAndNode[i];
        }
        return octets;
    }
}
