package org.fwcts.model.mediator;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.fwcts.model.ffa.RxContents;
import org.fwcts.model.ffa.memory.DescriptorLayout;
import org.fwcts.model.ffa.memory.RetrieveResponse;

/**
 * The retrieve response an SP gets for a VM's share through Xen's mediator: the SPMC model's
 * prediction, except that the ranges' addresses are the machine addresses Xen chose, which no
 * guest can know (XEN.FFA.MEM_SHARE.MACHINE_ADDRESSES). The target's addresses are taken when they
 * are page-aligned and as many as predicted; everything else is compared byte for byte.
 */
public record MachinePagesResponse(RetrieveResponse predicted) implements RxContents {
    private static final int PAGE = VmMailbox.PAGE;
    private static final int COMPOSITE = 16;
    private static final int RANGE = 16;

    @Override
    public byte[] encode() {
        return predicted.encode();
    }

    @Override
    public List<String> differences(byte[] observedRx) {
        byte[] expected = predicted.encode();
        int ranges = rangesOffset(expected);
        if (ranges < 0 || observedRx.length < expected.length || rangesOffset(observedRx) != ranges) {
            return predicted.differences(observedRx);
        }
        ByteBuffer want = ByteBuffer.wrap(expected).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer seen = ByteBuffer.wrap(observedRx).order(ByteOrder.LITTLE_ENDIAN);
        int count = want.getInt(ranges - COMPOSITE + 4);
        if (seen.getInt(ranges - COMPOSITE + 4) != count) {
            return predicted.differences(observedRx);
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = ranges + i * RANGE;
            if (entry + 8 > expected.length) {
                break;
            }
            long machine = seen.getLong(entry);
            if (machine % PAGE != 0) {
                found.add("RX range " + i + ": machine address 0x" + Long.toHexString(machine) + " is not page-aligned ["
                        + MediatorRules.MACHINE_ADDRESSES.id() + "]");
            }
            want.putLong(entry, machine);
        }
        found.addAll(new RetrieveResponse(expected, predicted.totalLength(), predicted.expected()).differences(observedRx));
        return found;
    }

    /** Where the first range of the first composite region starts in {@code rx}, or -1 when it cannot be read. */
    private int rangesOffset(byte[] rx) {
        DescriptorLayout layout = predicted.expected().layout();
        ByteBuffer b = ByteBuffer.wrap(rx).order(ByteOrder.LITTLE_ENDIAN);
        int header = layout.headerSize();
        if (rx.length < header + 8) {
            return -1;
        }
        int emads = layout == DescriptorLayout.forCaller(org.fwcts.model.SpecVersion.of(1, 0)) ? header : b.getInt(32);
        if (emads < 0 || emads + 8 > rx.length) {
            return -1;
        }
        int region = b.getInt(emads + 4);
        return region <= 0 || region + COMPOSITE > rx.length ? -1 : region + COMPOSITE;
    }

    @Override
    public String describe() {
        return predicted.describe() + ", at the machine addresses Xen chose";
    }
}
