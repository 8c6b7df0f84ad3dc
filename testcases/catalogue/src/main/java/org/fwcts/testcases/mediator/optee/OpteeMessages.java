package org.fwcts.testcases.mediator.optee;

import java.util.List;
import org.fwcts.model.mediator.optee.OpteeBuild;
import org.fwcts.model.mediator.optee.OpteeMessage;

/** The OP-TEE messages the catalogue sends. */
final class OpteeMessages {
    /** A UUID no TA of any OP-TEE build has: opening a session to it makes OP-TEE ask the normal world to load it. */
    static final byte[] NO_SUCH_TA = OpteeBuild.uuid(0xf3c5_7e11L, 0x0b1e, 0x4c0d, new int[] {0x9a, 0x55, 0xf1, 0xc7,
            0x5e, 0x57, 0x00, 0x01});
    /** PTA_CMD_GET_DEVICES of the device enumeration pseudo TA (pta_device.h). */
    static final int GET_DEVICES = 0;
    /** A command the device enumeration pseudo TA does not have. */
    static final int NO_SUCH_COMMAND = 0x7e57;

    private OpteeMessages() {
    }

    /** OPEN_SESSION to the device enumeration pseudo TA, public login. */
    static OpteeMessage openDevicePta() {
        return OpteeMessage.of(OpteeMessage.CMD_OPEN_SESSION, 0, 0,
                OpteeMessage.openSessionParams(OpteeBuild.DEVICE_PTA, List.of()));
    }

    /** OPEN_SESSION to a TA that does not exist, carrying {@code extra} parameters after the two meta ones. */
    static OpteeMessage openMissingTa(OpteeMessage.Param... extra) {
        return OpteeMessage.of(OpteeMessage.CMD_OPEN_SESSION, 0, 0, OpteeMessage.openSessionParams(NO_SUCH_TA,
                List.of(extra)));
    }

    static OpteeMessage invoke(int session, int function, OpteeMessage.Param... params) {
        return OpteeMessage.of(OpteeMessage.CMD_INVOKE_COMMAND, function, session, List.of(params));
    }

    static OpteeMessage close(int session) {
        return OpteeMessage.of(OpteeMessage.CMD_CLOSE_SESSION, 0, session, List.of());
    }
}
