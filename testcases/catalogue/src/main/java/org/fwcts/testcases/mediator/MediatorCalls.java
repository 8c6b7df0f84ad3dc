package org.fwcts.testcases.mediator;

import org.fwcts.model.Registers;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.Partition;
import org.fwcts.model.ffa.Uuid;

/** The calls the mediator tests make, as registers. */
final class MediatorCalls {
    static final long VERSION = FfaFunction.FFA_VERSION.x0();
    static final long ID_GET = FfaFunction.FFA_ID_GET.x0();
    static final long FEATURES = FfaFunction.FFA_FEATURES.x0();
    static final long INFO = FfaFunction.FFA_PARTITION_INFO_GET.x0();
    static final long RX_RELEASE = FfaFunction.FFA_RX_RELEASE.x0();
    static final long RXTX_MAP_64 = FfaFunction.FFA_RXTX_MAP.x0Smc64();
    static final long RXTX_UNMAP = FfaFunction.FFA_RXTX_UNMAP.x0();
    static final long DIRECT_REQ_64 = FfaFunction.FFA_MSG_SEND_DIRECT_REQ.x0Smc64();
    /** FFA_PARTITION_INFO_GET flag: the count alone. */
    static final long COUNT_ONLY = 1;

    private MediatorCalls() {
    }

    /** FFA_PARTITION_INFO_GET for every partition (nil UUID). */
    static Registers infoAll() {
        return Registers.of(INFO, 0, 0, 0, 0, 0);
    }

    /** FFA_PARTITION_INFO_GET for the count alone. */
    static Registers countAll() {
        return Registers.of(INFO, 0, 0, 0, 0, COUNT_ONLY);
    }

    /** FFA_PARTITION_INFO_GET for the partitions serving {@code uuid}. */
    static Registers infoFor(Uuid uuid) {
        int[] words = uuid.registerWords();
        return Registers.of(INFO, words[0] & 0xFFFF_FFFFL, words[1] & 0xFFFF_FFFFL, words[2] & 0xFFFF_FFFFL,
                words[3] & 0xFFFF_FFFFL, 0);
    }

    static Registers version(int minor) {
        return Registers.of(VERSION, 0x1_0000L | minor);
    }

    /** The first protocol UUID of {@code partition}. */
    static Uuid uuidOf(Partition partition) {
        return partition.uuids().get(0);
    }
}
