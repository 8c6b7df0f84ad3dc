package org.fwcts.testcases.support;

import org.fwcts.harness.partition.PartitionStatus;
import org.fwcts.model.Registers;

/**
 * One command round trip to a partition agent as observed from the normal world: the direct
 * request sent, and what came back.
 *
 * @param request the direct request the normal-world agent issued
 * @param response the registers the normal world found when control came back
 * @param payload the response's payload registers (r0 = status | code << 8 | partition << 16)
 */
public record PartitionExchange(Registers request, Registers response, long[] payload) {

    public PartitionStatus status() {
        return PartitionStatus.of((int) (payload[0] & 0xFF)).orElseThrow(() ->
                new TargetUnresponsiveException("the partition agent answered an unknown status: 0x"
                        + Long.toHexString(payload[0])));
    }

    /** Result register {@code index} (r1 is the first result). */
    public long result(int index) {
        return payload[index];
    }
}
