package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import org.fwcts.harness.agent.AgentMemory;
import org.fwcts.model.Registers;
import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.DataAccess;
import org.fwcts.model.ffa.memory.InstructionAccess;
import org.fwcts.model.ffa.memory.TransactionType;
import org.fwcts.testcases.support.AccessProbe;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaCheck;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.PartitionAgent;
import org.fwcts.testcases.support.RequiresFfa;
import org.fwcts.testcases.support.TargetUnresponsiveException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two permission rules real SPMCs have broken: instruction access NOT_SPECIFIED on LEND or
 * DONATE never yields execute permission, and RECLAIM gives the owner exactly the access it had
 * before the send. Each is checked wherever the target reveals it: the retrieve response's
 * permission fields, and real accesses where hardware enforces the access map.
 */
@ConformanceTest
@RequiresFfa
@Tag("ffa")
@Tag("area:memory")
@DisplayName("FF-A memory permission rules")
class FfaMemoryPermissionRuleTests {
    private PartitionAgent partition;

    @BeforeEach
    void ready(FfaFirmware ffa) {
        ffa.ready();
        partition = PartitionAgent.first(ffa);
        partition.ready();
    }

    private static long region(FfaFirmware ffa) {
        return ffa.page(MemoryDescriptors.REGION_PAGE);
    }

    /** Places {@code movz x0, #MARKER; ret} at the region's start, then sends it. */
    private static FfaCheck plantAndSend(FfaFirmware ffa, TransactionType type) {
        if (!(ffa.memory().write(region(ffa), MemoryRetrieval.returnMarker()) instanceof AgentMemory.Result.Done)) {
            throw new TargetUnresponsiveException("could not place code in the test region");
        }
        AccessPermissions permissions = type == TransactionType.DONATE ? AccessPermissions.NOT_SPECIFIED
                : AccessPermissions.RW;
        byte[] descriptor = MemoryDescriptors.bytes(MemoryDescriptors.send(ffa, type, MemoryDescriptors.partition(ffa),
                permissions, 1).build());
        FfaCheck send = ffa.call(MemoryDescriptors.sendCall(type, descriptor), descriptor);
        assertThatCall(send).matchesModel();
        return send;
    }

    private FfaCheck retrieveNx(FfaFirmware ffa, long handle, TransactionType type) {
        AccessPermissions requested = AccessPermissions.of(type == TransactionType.DONATE ? DataAccess.NOT_SPECIFIED
                : DataAccess.RW, InstructionAccess.NX);
        byte[] request = MemoryRetrieval.request(handle, ffa.self(), partition.id(), type, requested, 0);
        FfaCheck retrieve = partition.call(MemoryRetrieval.retrieveCall(request), request);
        assertThatCall(retrieve).matchesModel();
        return retrieve;
    }

    private static boolean is(FfaCheck check, long function) {
        return (check.observed().x(0) & 0xFFFF_FFFFL) == function;
    }

    private void relinquishAndReclaim(FfaFirmware ffa, long handle, boolean retrieved, TransactionType type) {
        if (retrieved && ffa.state().endpoint(partition.id()).mailbox().map(box -> box.rxFull()).orElse(false)) {
            assertThatCall(partition.call(MemoryRetrieval.rxRelease())).matchesModel();
        }
        if (retrieved && type != TransactionType.DONATE) {
            byte[] relinquish = MemoryRetrieval.relinquish(handle, partition.id());
            assertThatCall(partition.call(MemoryRetrieval.relinquishCall(), relinquish)).matchesModel();
        }
        if (type != TransactionType.DONATE) {
            assertThatCall(ffa.call(Registers.of(0x8400_0077L, handle & 0xFFFF_FFFFL, handle >>> 32, 0))).matchesModel();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransactionType.class, names = {"LEND", "DONATE"})
    @Tag("rule:FFA.MEM.NOT_SPECIFIED_NEVER_X")
    @DisplayName("LEND/DONATE with instruction access NOT_SPECIFIED: the retrieve response never grants execute")
    void notSpecifiedNeverExecutableInResponse(TransactionType type, FfaFirmware ffa) {
        FfaCheck send = plantAndSend(ffa, type);
        if (!is(send, 0x8400_0061L)) {
            return;
        }
        long handle = MemoryRetrieval.handle(send);
        FfaCheck retrieve = retrieveNx(ffa, handle, type);
        relinquishAndReclaim(ffa, handle, is(retrieve, 0x8400_0075L), type);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransactionType.class, names = {"LEND", "DONATE"})
    @Tag("rule:FFA.MEM.NOT_SPECIFIED_NEVER_X")
    @DisplayName("LEND/DONATE with instruction access NOT_SPECIFIED: the borrower cannot execute the region")
    void notSpecifiedNeverExecutableInHardware(TransactionType type, FfaFirmware ffa) {
        AccessProbe.requireEnforced(ffa, MemoryDescriptors.partition(ffa));
        FfaCheck send = plantAndSend(ffa, type);
        if (!is(send, 0x8400_0061L)) {
            return;
        }
        long handle = MemoryRetrieval.handle(send);
        FfaCheck retrieve = retrieveNx(ffa, handle, type);
        if (is(retrieve, 0x8400_0075L)) {
            AccessProbe.partition(ffa, partition, region(ffa), MemoryRetrieval.MARKER, "after retrieve");
        }
        relinquishAndReclaim(ffa, handle, is(retrieve, 0x8400_0075L), type);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransactionType.class, names = {"SHARE", "LEND"})
    @Tag("rule:FFA.MEM.RECLAIM_RESTORES")
    @DisplayName("after RECLAIM the owner has exactly the access it had before the send, never more")
    void reclaimRestoresOwnerAccess(TransactionType type, FfaFirmware ffa) {
        AccessProbe.requireEnforced(ffa, ffa.self());
        if (!(ffa.memory().write(region(ffa), MemoryRetrieval.returnMarker()) instanceof AgentMemory.Result.Done)) {
            throw new TargetUnresponsiveException("could not place code in the test region");
        }
        AccessProbe.normalWorld(ffa, region(ffa), MemoryRetrieval.MARKER, "before the send");
        FfaCheck send = plantAndSend(ffa, type);
        if (!is(send, 0x8400_0061L)) {
            return;
        }
        AccessProbe.normalWorld(ffa, region(ffa), MemoryRetrieval.MARKER, "after the send");
        long handle = MemoryRetrieval.handle(send);
        AccessPermissions requested = type == TransactionType.SHARE ? AccessPermissions.RW : AccessPermissions.RW_NX;
        byte[] request = MemoryRetrieval.request(handle, ffa.self(), partition.id(), type, requested, 0);
        FfaCheck retrieve = partition.call(MemoryRetrieval.retrieveCall(request), request);
        assertThatCall(retrieve).matchesModel();
        relinquishAndReclaim(ffa, handle, is(retrieve, 0x8400_0075L), type);
        AccessProbe.normalWorld(ffa, region(ffa), MemoryRetrieval.MARKER, "after the reclaim");
    }
}
