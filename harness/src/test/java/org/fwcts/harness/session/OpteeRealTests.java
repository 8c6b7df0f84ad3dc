package org.fwcts.harness.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fwcts.harness.agent.Observation;
import org.fwcts.harness.pipeline.AgentChannel;
import org.fwcts.harness.pipeline.CallMemory;
import org.fwcts.harness.pipeline.ConcurrentAgentChannel;
import org.fwcts.harness.pipeline.Conduit;
import org.fwcts.harness.pipeline.MemoryRegion;
import org.fwcts.harness.pipeline.Observed;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.EndpointId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Xen 4.22 with its OP-TEE mediator in front of a real OP-TEE OS on QEMU, booted from
 * {@code targets/qemu-xen-optee.yaml}: the agent's own calls, without the model, so that what the
 * harness relies on (the guests reach OP-TEE through Xen, a standard call's message in guest
 * memory, a call on vCPU 1, the scratch area) is shown to work before the catalogue judges
 * anything. FWCTS ships none of them: without {@code FWCTS_XEN_OPTEE} and {@code FWCTS_OPTEE_TFA}
 * naming the images this is skipped with the reason.
 */
@DisplayName("Xen's OP-TEE mediator on QEMU (needs FWCTS_XEN_OPTEE and FWCTS_OPTEE_TFA)")
class OpteeRealTests {
    /** optee_smc.h: fast calls, the standard call and the RPC return; the RPCs' codes in x0. */
    private static final long CALLS_UID = 0xBF00_FF01L;
    private static final long GET_OS_REVISION = 0xB200_0001L;
    private static final long CALL_WITH_ARG = 0x3200_0004L;
    private static final long RETURN_FROM_RPC = 0x3200_0003L;
    private static final long RPC_ALLOC = 0xFFFF_0000L;
    private static final long RPC_FREE = 0xFFFF_0002L;
    private static final long RPC_FOREIGN_INTR = 0xFFFF_0004L;
    /** optee_msg.h: OP-TEE's UID, and the message commands and attributes used here. */
    private static final long[] OPTEE_UID = {0x384f_b3e0L, 0xe7f8_11e3L, 0xaf63_0002L, 0xa5d5_c51bL};
    private static final int CMD_OPEN_SESSION = 0;
    private static final int CMD_INVOKE = 1;
    private static final int CMD_CLOSE_SESSION = 2;
    private static final long META_VALUE_INPUT = 0x101;
    /** OP-TEE's device-enumeration pseudo-TA (core/pta/device.c), in every default build. */
    private static final byte[] DEVICE_PTA = {0x70, 0x11, (byte) 0xa6, (byte) 0x88, (byte) 0xdd, (byte) 0xde, 0x40, 0x53,
            (byte) 0xa5, (byte) 0xa9, 0x7b, 0x3c, 0x4d, (byte) 0xdf, 0x13, (byte) 0xb8};
    private static final long TEE_ERROR_BAD_PARAMETERS = 0xFFFF_0006L;
    private static final int MESSAGE_BYTES = 32 + 2 * 32;
    private static final int PAGE = 4096;

    @TempDir
    static Path dir;
    private static TargetSession session;
    private static XenGuestTarget xen;

    @BeforeAll
    static void boot() throws Exception {
        session = RealXenBoot.boot("qemu-xen-optee.yaml", "FWCTS_XEN_OPTEE", "FWCTS_OPTEE_TFA",
                "Xen's OP-TEE mediator on QEMU", dir);
        xen = (XenGuestTarget) session.target();
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        if (session != null) {
            session.close();
            // Kept for whoever reads a failure: the temporary folder goes with the test.
            Files.copy(dir.resolve("console.log"), Path.of("target", "optee-real-console.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static AgentChannel vm(int ffaId) {
        return xen.vmAgents().get(EndpointId.of(ffaId));
    }

    private static Registers completed(Observed observed) {
        assertThat(observed.observation()).isInstanceOf(Observation.Completed.class);
        return ((Observation.Completed) observed.observation()).registers();
    }

    @Test
    @DisplayName("Xen's log says it uses the OP-TEE mediator and how many threads OP-TEE gives a guest")
    void xenUsesTheMediator() {
        assertThat(OpteeMediatorPresence.missing(xen.hypervisorLog())).isEmpty();
        assertThat(xen.hypervisorLog()).anySatisfy(line -> assertThat(line)
                .containsPattern("OP-TEE supports [1-9][0-9]* simultaneous threads per guest"));
    }

    @Test
    @DisplayName("CALLS_UID from each guest with the mediator, on either vCPU, reaches OP-TEE; the guest without gets -1")
    void uidThroughTheMediator() {
        for (int id : List.of(2, 3)) {
            Registers uid = completed(vm(id).invoke(Conduit.SMC, Registers.of(CALLS_UID), new byte[0], 0));
            assertThat(new long[] {uid.x(0), uid.x(1), uid.x(2), uid.x(3)}).as("VM %d", id).containsExactly(OPTEE_UID);
            Registers second = completed(((ConcurrentAgentChannel) vm(id)).invokeOnVcpu(1, Conduit.SMC,
                    Registers.of(CALLS_UID), CallMemory.NONE));
            assertThat(second.x(0)).as("VM %d, vCPU 1", id).isEqualTo(OPTEE_UID[0]);
        }
        assertThat(completed(vm(2).invoke(Conduit.SMC, Registers.of(GET_OS_REVISION), new byte[0], 0)).x(0))
                .as("OP-TEE's major version").isPositive();
        assertThat(completed(vm(4).invoke(Conduit.SMC, Registers.of(CALLS_UID), new byte[0], 0)).x(0)).isEqualTo(-1L);
    }

    @Test
    @DisplayName("each VM agent reports a page-aligned scratch area inside its guest's RAM")
    void scratchArea() {
        for (int id : List.of(2, 3, 4)) {
            CallMemory.Window scratch = vm(id).scratchArea().orElseThrow();
            assertThat(scratch.address() % PAGE).isZero();
            assertThat(scratch.address()).isBetween(0x4000_0000L, 0x4400_0000L - scratch.length());
            assertThat(scratch.length()).isGreaterThanOrEqualTo(16 * PAGE);
        }
    }

    @Test
    @DisplayName("a session to the device pseudo-TA is opened, invoked and closed from vCPU 0 and 1, RPC allocations served with guest pages")
    void sessionToAPseudoTa() {
        ConcurrentAgentChannel vm1 = (ConcurrentAgentChannel) vm(2);
        CallMemory.Window scratch = vm1.scratchArea().orElseThrow();
        long arg = scratch.address();
        List<Long> rpcs = new ArrayList<>();
        ByteBuffer opened = standardCall(vm1, 0, arg, openSession(), rpcs);
        assertThat(opened.getInt(20)).as("ret of OPEN_SESSION").isZero();
        int sessionId = opened.getInt(8);
        ByteBuffer invoked = standardCall(vm1, 1, arg, message(CMD_INVOKE, sessionId, 0), rpcs);
        assertThat(invoked.getInt(20) & 0xFFFF_FFFFL).as("ret of a command without its memory parameter")
                .isEqualTo(TEE_ERROR_BAD_PARAMETERS);
        ByteBuffer closed = standardCall(vm1, 0, arg, message(CMD_CLOSE_SESSION, sessionId, 0), rpcs);
        assertThat(closed.getInt(20)).as("ret of CLOSE_SESSION").isZero();
        System.out.println("RPCs served: " + rpcs.stream().map(Long::toHexString).toList());
    }

    /**
     * CALL_WITH_ARG with {@code message} at {@code arg}, made on {@code vcpu}, with every RPC served
     * as a normal-world driver serves it; returns the message as read back after the call.
     */
    private static ByteBuffer standardCall(ConcurrentAgentChannel vm, int vcpu, long arg, byte[] message, List<Long> rpcs) {
        CallMemory memory = CallMemory.writing(new MemoryRegion(arg, message)).reading(new CallMemory.Window(arg, message.length));
        Observed observed = vm.invokeOnVcpu(vcpu, Conduit.SMC, Registers.of(CALL_WITH_ARG, arg >>> 32, arg & 0xFFFF_FFFFL),
                memory);
        long rpcPage = arg + PAGE;
        for (int round = 0; round < 8; round++) {
            Registers out = completed(observed);
            long x0 = out.x(0);
            if ((x0 & 0xFFFF_0000L) != 0xFFFF_0000L || x0 > RPC_FOREIGN_INTR) {
                assertThat(x0).as("x0 of CALL_WITH_ARG").isZero();
                return ByteBuffer.wrap(observed.memoryOut().get(0).bytes()).order(ByteOrder.LITTLE_ENDIAN);
            }
            rpcs.add(x0);
            long[] resume = new long[Registers.COUNT];
            resume[0] = RETURN_FROM_RPC;
            resume[3] = out.x(3);
            resume[6] = out.x(6);
            resume[7] = out.x(7);
            if (x0 == RPC_ALLOC) {
                resume[1] = rpcPage >>> 32;
                resume[2] = rpcPage & 0xFFFF_FFFFL;
                resume[4] = 0;
                resume[5] = 0x5a5a;
            } else if (x0 != RPC_FREE && x0 != RPC_FOREIGN_INTR) {
                throw new AssertionError("an RPC this test does not serve: x0 = 0x" + Long.toHexString(x0));
            }
            observed = vm.invokeOnVcpu(vcpu, Conduit.SMC, Registers.of(resume),
                    CallMemory.NONE.reading(new CallMemory.Window(arg, message.length)));
        }
        throw new AssertionError("more than 8 RPCs for one call: " + rpcs);
    }

    private static byte[] openSession() {
        ByteBuffer message = ByteBuffer.wrap(message(CMD_OPEN_SESSION, 0, 2)).order(ByteOrder.LITTLE_ENDIAN);
        message.putLong(32, META_VALUE_INPUT);
        message.put(40, DEVICE_PTA);
        message.putLong(64, META_VALUE_INPUT); // client UUID zero, login 0 (public)
        return message.array();
    }

    /** An optee_msg_arg: cmd, session and num_params set, room for two parameters. */
    private static byte[] message(int command, int sessionId, int parameters) {
        ByteBuffer message = ByteBuffer.allocate(MESSAGE_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        message.putInt(0, command);
        message.putInt(8, sessionId);
        message.putInt(28, parameters);
        return message.array();
    }
}
