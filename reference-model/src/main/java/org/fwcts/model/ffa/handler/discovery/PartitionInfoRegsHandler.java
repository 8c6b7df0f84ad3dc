package org.fwcts.model.ffa.handler.discovery;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.discovery.DiscoveryChoices;
import org.fwcts.model.ffa.discovery.DiscoveryRules;
import org.fwcts.model.ffa.discovery.PartitionInfoDescriptor;
import org.fwcts.model.ffa.discovery.PartitionInfoLayout;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.FfaResults;
import org.fwcts.model.ffa.Uuid;

/**
 * FFA_PARTITION_INFO_GET_REGS (v1.2, SMC64): partition descriptors in x3–x17 instead of the RX
 * buffer, several calls paging through them by start index.
 */
final class PartitionInfoRegsHandler implements FfaHandler {
    private static final int FIRST_REGISTER = 3;
    private static final int DESCRIPTOR_REGISTERS = 15;

    @Override
    public FfaOutcome handle(FfaContext context) {
        long x3 = context.call().x(3);
        if ((x3 >>> 32) != 0) {
            return context.error(FfaError.INVALID_PARAMETERS, DiscoveryRules.INFO_REGS, "x3[63:32] is not zero");
        }
        int start = (int) (x3 & 0xFFFF);
        int tag = (int) ((x3 >>> 16) & 0xFFFF);
        if (tag != 0) {
            // The model's SPMC never hands out a tag, so any tag is one it did not issue.
            return context.error(FfaError.RETRY, DiscoveryRules.INFO_REGS, "tag " + tag + " was never issued");
        }
        DiscoveryChoices choices = context.profile().discovery();
        SpecVersion caller = context.callerVersion();
        PartitionInfoLayout layout = PartitionInfoHandler.layoutFor(choices, SpecVersion.of(1, 2));
        Uuid uuid = Uuid.fromRegisterPair(context.call().x(1), context.call().x(2));
        List<PartitionInfoDescriptor> all = PartitionInfoHandler.describe(context, uuid, choices, caller, layout);
        if (all.isEmpty() || start >= all.size()) {
            return context.error(FfaError.INVALID_PARAMETERS, DiscoveryRules.INFO_REGS,
                    all.isEmpty() ? "no partition serves " + uuid : "start index " + start + " is past the last");
        }
        int registersEach = layout.size() / Long.BYTES;
        int perCall = DESCRIPTOR_REGISTERS / registersEach;
        int last = all.size() - 1;
        int current = Math.min(last, start + perCall - 1);
        FfaResults results = context.results().success64(DiscoveryRules.INFO_REGS)
                .value(2, last | (long) current << 16 | (long) layout.size() << 48, DiscoveryRules.INFO_REGS);
        for (int i = FIRST_REGISTER; i < FIRST_REGISTER + DESCRIPTOR_REGISTERS; i++) {
            results.unspecified(i, DiscoveryRules.INFO_REGS);
        }
        int register = FIRST_REGISTER;
        for (int index = start; index <= current; index++) {
            ByteBuffer words = ByteBuffer.wrap(all.get(index).encode(layout)).order(ByteOrder.LITTLE_ENDIAN);
            for (int word = 0; word < registersEach; word++) {
                results.value(register++, words.getLong(), DiscoveryRules.INFO_REGS);
            }
        }
        return context.outcome(results, "FFA_PARTITION_INFO_GET_REGS returns descriptors " + start + ".." + current
                + " of " + all.size(), context.state());
    }
}
