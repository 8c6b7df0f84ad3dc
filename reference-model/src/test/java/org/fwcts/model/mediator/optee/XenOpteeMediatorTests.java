package org.fwcts.model.mediator.optee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fwcts.model.mediator.optee.OpteeWalk.PAGE;
import static org.fwcts.model.mediator.optee.OpteeWalk.VM1;
import static org.fwcts.model.mediator.optee.OpteeWalk.VM2;
import static org.fwcts.model.mediator.optee.OpteeWalk.withArg;

import java.util.List;
import org.fwcts.model.Registers;
import org.fwcts.model.firmware.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Xen's OP-TEE mediator model")
class XenOpteeMediatorTests {
    private static final byte[] UNKNOWN_TA = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    private final OpteeWalk walk = new OpteeWalk();

    private static byte[] open(byte[] uuid, OpteeMessage.Param... extra) {
        return OpteeMessage.of(OpteeMessage.CMD_OPEN_SESSION, 0, 0, OpteeMessage.openSessionParams(uuid, List.of(extra)))
                .encode();
    }

    @Test
    @DisplayName("fast calls: Xen's own count, OP-TEE's UIDs passed on, the build ID held back, capabilities filtered")
    void fastCalls() {
        assertThat(walk.call(VM1, Registers.of(OpteeSmc.CALLS_COUNT)).x(0)).isEqualTo(11);
        Registers uid = walk.call(VM1, Registers.of(OpteeSmc.CALLS_UID));
        assertThat(new long[] {uid.x(0), uid.x(1), uid.x(2), uid.x(3)}).containsExactly(OpteeSmc.API_UID);
        Registers revision = walk.call(VM1, Registers.of(OpteeSmc.GET_OS_REVISION, 0, 0x77));
        assertThat(revision.x(2)).isEqualTo(0x77);
        Registers caps = walk.call(VM1, Registers.of(OpteeSmc.EXCHANGE_CAPABILITIES, 0xFF, 5, 6));
        assertThat(caps.x(1)).isEqualTo(OpteeSmc.SEC_CAP_DYNAMIC_SHM | OpteeSmc.SEC_CAP_MEMREF_NULL);
        assertThat(caps.x(2)).isEqualTo(5);
        assertThat(walk.call(VM1, Registers.of(OpteeSmc.GET_THREAD_COUNT)).x(0)).isEqualTo(-1L);
        assertThat(walk.call(VM1, Registers.of(OpteeSmc.GET_SHM_CONFIG)).x(0)).isEqualTo(OpteeSmc.RETURN_ENOTAVAIL);
        assertThat(walk.call(VM1, Registers.of(OpteeSmc.DISABLE_SHM_CACHE)).x(0)).isEqualTo(OpteeSmc.RETURN_ENOTAVAIL);
    }

    @Test
    @DisplayName("command buffers refused: unaligned, outside RAM, too many parameters, unknown command, contiguous tmem")
    void refused() {
        byte[] message = open(OpteeBuild.DEVICE_PTA);
        assertThat(walk.call(VM1, withArg(PAGE + 8), PAGE + 8, message).x(0)).isEqualTo(OpteeSmc.RETURN_EBADADDR);
        assertThat(walk.call(VM1, withArg(0x1000)).x(0)).isEqualTo(OpteeSmc.RETURN_EBADADDR);
        byte[] huge = OpteeMessage.of(OpteeMessage.CMD_INVOKE_COMMAND, 0, 0, List.of()).withDeclaredParams(200).encode();
        assertThat(walk.call(VM1, withArg(PAGE), PAGE, huge).x(0)).isEqualTo(OpteeSmc.CALL_WITH_ARG);
        assertThat(OpteeMessage.decode(walk.lastBuffer).ret()).isEqualTo(OpteeMessage.TEEC_ERROR_BAD_PARAMETERS);
        assertThat(OpteeMessage.decode(walk.lastBuffer).retOrigin()).isEqualTo(OpteeMessage.TEEC_ORIGIN_COMMS);
        byte[] bad = OpteeMessage.of(9, 0, 0, List.of()).encode();
        assertThat(walk.call(VM1, withArg(PAGE), PAGE, bad).x(0)).isEqualTo(OpteeSmc.RETURN_EBADCMD);
        byte[] tmem = OpteeMessage.of(OpteeMessage.CMD_INVOKE_COMMAND, 0, 0, List.of(new OpteeMessage.Param(
                OpteeMessage.ATTR_TMEM_INPUT, PAGE + 0x1000, 16, 0))).encode();
        assertThat(walk.call(VM1, withArg(PAGE), PAGE, tmem).x(0)).isEqualTo(OpteeSmc.RETURN_OK);
        assertThat(OpteeMessage.decode(walk.lastBuffer).retOrigin()).isEqualTo(OpteeMessage.TEEC_ORIGIN_COMMS);
    }

    @Test
    @DisplayName("a pseudo TA's session is the opening guest's: invoked, refused to the other guest, closed once")
    void session() {
        walk.call(VM1, withArg(PAGE), PAGE, open(OpteeBuild.DEVICE_PTA));
        int session = OpteeMessage.decode(walk.lastBuffer).session();
        byte[] invoke = OpteeMessage.of(OpteeMessage.CMD_INVOKE_COMMAND, 0x99, session, List.of()).encode();
        walk.call(VM1, withArg(PAGE), PAGE, invoke);
        assertThat(OpteeMessage.decode(walk.lastBuffer).ret()).isEqualTo(OpteeMessage.TEEC_ERROR_NOT_IMPLEMENTED);
        byte[] close = OpteeMessage.of(OpteeMessage.CMD_CLOSE_SESSION, 0, session, List.of()).encode();
        walk.call(VM2, withArg(PAGE), PAGE, invoke);
        assertThat(OpteeMessage.decode(walk.lastBuffer).ret()).isEqualTo(OpteeMessage.TEEC_ERROR_BAD_PARAMETERS);
        walk.call(VM2, withArg(PAGE), PAGE, close);
        assertThat(OpteeMessage.decode(walk.lastBuffer).ret()).isEqualTo(OpteeMessage.TEEC_ERROR_ITEM_NOT_FOUND);
        walk.call(VM1, withArg(PAGE), PAGE, close);
        assertThat(OpteeMessage.decode(walk.lastBuffer).ret()).isZero();
        walk.call(VM1, withArg(PAGE), PAGE, close);
        assertThat(OpteeMessage.decode(walk.lastBuffer).ret()).isEqualTo(OpteeMessage.TEEC_ERROR_ITEM_NOT_FOUND);
    }

    @Test
    @DisplayName("an unknown TA: RPC_ALLOC, RPC_CMD with the guest's cookie, RPC_FREE, ITEM_NOT_FOUND; OP-TEE never sees a rewrite")
    void rpcRoundTrip() {
        OpteeMessage.Param inout = new OpteeMessage.Param(OpteeMessage.ATTR_VALUE_INOUT, 1, 2, 3);
        byte[] message = open(UNKNOWN_TA, inout);
        Registers alloc = walk.call(VM1, withArg(PAGE), PAGE, message);
        assertThat(alloc.x(0)).isEqualTo(OpteeSmc.rpc(OpteeSmc.RPC_ALLOC));
        long thread = alloc.x(3);
        Registers cmd = walk.call(VM1, Registers.of(OpteeSmc.RETURN_FROM_RPC, 0, PAGE + 0x1000, thread, 0xAB, 0xCD));
        assertThat(cmd.x(0)).isEqualTo(OpteeSmc.rpc(OpteeSmc.RPC_CMD));
        assertThat(new long[] {cmd.x(1), cmd.x(2), cmd.x(3)}).containsExactly(0xAB, 0xCD, thread);
        byte[] refused = OpteeMessage.of(0, 0, 0, List.of()).withResult(OpteeMessage.TEEC_ERROR_ITEM_NOT_FOUND, 0, 0).encode();
        OpteeMessage rewritten = OpteeMessage.decode(message).withParams(List.of(OpteeMessage.decode(message).params().get(0),
                OpteeMessage.decode(message).params().get(1), new OpteeMessage.Param(OpteeMessage.ATTR_VALUE_INOUT, 7, 8, 9)));
        Registers free = walk.call(VM1, Registers.of(OpteeSmc.RETURN_FROM_RPC, 0xAB, 0xCD, thread), PAGE + 0x1000, refused,
                PAGE, rewritten.encode());
        assertThat(free.x(0)).isEqualTo(OpteeSmc.rpc(OpteeSmc.RPC_FREE));
        Registers done = walk.call(VM1, Registers.of(OpteeSmc.RETURN_FROM_RPC, 0, 0, thread));
        assertThat(done.x(0)).isEqualTo(OpteeSmc.RETURN_OK);
        OpteeMessage back = OpteeMessage.decode(walk.lastBuffer);
        assertThat(back.ret()).isEqualTo(OpteeMessage.TEEC_ERROR_ITEM_NOT_FOUND);
        assertThat(back.params().get(2)).isEqualTo(inout);
        assertThat(walk.call(VM1, Registers.of(OpteeSmc.RETURN_FROM_RPC, 0, 0, thread)).x(0))
                .isEqualTo(OpteeSmc.RETURN_ERESUME);
    }

    @Test
    @DisplayName("resuming RPC_CMD without the buffer's cookie: registers untouched, the call lost yet holding its thread")
    void wrongCookie() {
        long thread = walk.call(VM1, withArg(PAGE), PAGE, open(UNKNOWN_TA)).x(3);
        walk.call(VM1, Registers.of(OpteeSmc.RETURN_FROM_RPC, 0, PAGE + 0x1000, thread, 0, 0x77));
        byte[] refused = OpteeMessage.of(0, 0, 0, List.of()).withResult(OpteeMessage.TEEC_ERROR_ITEM_NOT_FOUND, 0, 0).encode();
        Registers dropped = walk.call(VM1, Registers.of(OpteeSmc.RETURN_FROM_RPC, 0, 0x78, thread), PAGE + 0x1000, refused);
        assertThat(dropped.x(0)).isEqualTo(OpteeSmc.RETURN_FROM_RPC);
        assertThat(walk.call(VM1, Registers.of(OpteeSmc.RETURN_FROM_RPC, 0, 0x77, thread)).x(0))
                .isEqualTo(OpteeSmc.RETURN_ERESUME);
        walk.call(VM1, withArg(PAGE + 0x2000), PAGE + 0x2000, open(UNKNOWN_TA));
        assertThat(walk.call(VM1, withArg(PAGE + 0x4000), PAGE + 0x4000, open(OpteeBuild.DEVICE_PTA)).x(0))
                .as("the lost call still counts").isEqualTo(OpteeSmc.RETURN_ETHREAD_LIMIT);
    }

    @Test
    @DisplayName("the thread limit: a third call while two wait is ETHREAD_LIMIT; another guest cannot resume them")
    void threadLimit() {
        long first = walk.call(VM1, withArg(PAGE), PAGE, open(UNKNOWN_TA)).x(3);
        long second = walk.call(VM1, withArg(PAGE + 0x2000), PAGE + 0x2000, open(UNKNOWN_TA)).x(3);
        assertThat(second).isNotEqualTo(first);
        assertThat(walk.call(VM1, withArg(PAGE + 0x4000), PAGE + 0x4000, open(OpteeBuild.DEVICE_PTA)).x(0))
                .isEqualTo(OpteeSmc.RETURN_ETHREAD_LIMIT);
        assertThat(walk.call(VM2, Registers.of(OpteeSmc.RETURN_FROM_RPC, 0, 0, first)).x(0))
                .isEqualTo(OpteeSmc.RETURN_ERESUME);
        Outcome other = walk.predict(VM2, Registers.of(OpteeSmc.CALLS_COUNT));
        assertThat(other).isInstanceOf(Outcome.Predicted.class);
    }
}
