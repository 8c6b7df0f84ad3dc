package org.fwcts.model.mediator.optee;

import java.util.ArrayList;
import java.util.List;
import org.fwcts.model.ffa.RxContents;

/**
 * What the guest's command buffer holds after a call, field by field: the guest's own bytes with
 * what Xen wrote back. Fields OP-TEE chose (a new session's ID, a success's origin) are not judged.
 *
 * @param address the buffer's IPA
 * @param expected the predicted message
 * @param sessionChosen whether OP-TEE chose the session field
 * @param originChosen whether OP-TEE chose the ret_origin field
 * @param anyError whether OP-TEE chose the error in ret: any non-zero value
 */
public record ArgBuffer(long address, OpteeMessage expected, boolean sessionChosen, boolean originChosen,
        boolean anyError) implements RxContents {

    public ArgBuffer(long address, OpteeMessage expected, boolean sessionChosen, boolean originChosen) {
        this(address, expected, sessionChosen, originChosen, false);
    }

    @Override
    public byte[] encode() {
        return expected.encode();
    }

    @Override
    public List<String> differences(byte[] observedBytes) {
        List<String> found = new ArrayList<>();
        if (observedBytes.length < expected.size()) {
            found.add("command buffer: " + observedBytes.length + " bytes read, " + expected.size() + " predicted");
            return found;
        }
        OpteeMessage seen = OpteeMessage.decode(observedBytes);
        field(found, "cmd", expected.cmd(), seen.cmd());
        field(found, "func", expected.func(), seen.func());
        if (!sessionChosen) {
            field(found, "session", expected.session(), seen.session());
        }
        field(found, "cancel_id", expected.cancelId(), seen.cancelId());
        if (!anyError) {
            field(found, "ret", expected.ret(), seen.ret());
        } else if (seen.ret() == 0) {
            found.add("command buffer ret: expected an error, got 0 [" + OpteeRules.OPEN_SESSION.id() + "]");
        }
        if (!originChosen) {
            field(found, "ret_origin", expected.retOrigin(), seen.retOrigin());
        }
        field(found, "num_params", expected.declaredParams(), seen.declaredParams());
        for (int i = 0; i < expected.params().size() && i < seen.params().size(); i++) {
            OpteeMessage.Param want = expected.params().get(i);
            OpteeMessage.Param got = seen.params().get(i);
            field(found, "params[" + i + "].attr", want.attr(), got.attr());
            field(found, "params[" + i + "].a", want.a(), got.a());
            field(found, "params[" + i + "].b", want.b(), got.b());
            field(found, "params[" + i + "].c", want.c(), got.c());
        }
        return found;
    }

    private static void field(List<String> found, String name, int want, int got) {
        field(found, name, Integer.toUnsignedLong(want), Integer.toUnsignedLong(got));
    }

    private static void field(List<String> found, String name, long want, long got) {
        if (want != got) {
            found.add("command buffer " + name + ": expected 0x" + Long.toHexString(want) + ", got 0x"
                    + Long.toHexString(got) + " [" + OpteeRules.SHADOW.id() + "]");
        }
    }

    @Override
    public String describe() {
        return "OP-TEE command buffer at 0x" + Long.toHexString(address) + ": ret 0x"
                + Integer.toHexString(expected.ret()) + (originChosen ? "" : ", origin " + expected.retOrigin())
                + ", " + expected.params().size() + " parameter(s)";
    }
}
