package org.fwcts.testcases.ffa;

import static org.fwcts.testcases.ffa.MemoryScenario.FFA_MEM_RETRIEVE_RESP;
import static org.fwcts.testcases.ffa.MemoryScenario.FFA_SUCCESS;
import static org.fwcts.testcases.ffa.MemoryScenario.is;

import org.fwcts.model.ffa.memory.AccessPermissions;
import org.fwcts.model.ffa.memory.DataAccess;
import org.fwcts.model.ffa.memory.InstructionAccess;
import org.fwcts.model.ffa.memory.TransactionType;
import org.fwcts.testcases.support.AccessProbe;
import org.fwcts.testcases.support.ConformanceTest;
import org.fwcts.testcases.support.FfaCheck;
import org.fwcts.testcases.support.FfaFirmware;
import org.fwcts.testcases.support.RequiresFfa;
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
    private MemoryScenario scenario;

    @BeforeEach
    void ready(FfaFirmware ffa) {
        scenario = new MemoryScenario(ffa, 1);
        scenario.plantMarker();
    }

    /** The sender leaves instruction access NOT_SPECIFIED, as it must on LEND and DONATE. */
    private FfaCheck send(TransactionType type) {
        return scenario.send(type, type == TransactionType.DONATE ? AccessPermissions.NOT_SPECIFIED
                : AccessPermissions.RW, 0);
    }

    private FfaCheck retrieveNx(long handle, TransactionType type) {
        DataAccess data = type == TransactionType.DONATE ? DataAccess.NOT_SPECIFIED : DataAccess.RW;
        return scenario.retrieve(handle, type, AccessPermissions.of(data, InstructionAccess.NX), 0);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransactionType.class, names = {"LEND", "DONATE"})
    @Tag("rule:FFA.MEM.LEND.NOT_SPECIFIED_NEVER_X")
    @DisplayName("LEND/DONATE with instruction access NOT_SPECIFIED: the retrieve response never grants execute")
    void notSpecifiedNeverExecutableInResponse(TransactionType type) {
        FfaCheck send = send(type);
        if (!is(send, FFA_SUCCESS)) {
            return;
        }
        long handle = MemoryRetrieval.handle(send);
        scenario.giveBack(handle, is(retrieveNx(handle, type), FFA_MEM_RETRIEVE_RESP), type);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransactionType.class, names = {"LEND", "DONATE"})
    @Tag("rule:FFA.MEM.LEND.NOT_SPECIFIED_NEVER_X")
    @DisplayName("LEND/DONATE with instruction access NOT_SPECIFIED: the borrower cannot execute the region")
    void notSpecifiedNeverExecutableInHardware(TransactionType type, FfaFirmware ffa) {
        AccessProbe.requireEnforced(ffa, scenario.partition().id());
        FfaCheck send = send(type);
        if (!is(send, FFA_SUCCESS)) {
            return;
        }
        long handle = MemoryRetrieval.handle(send);
        boolean retrieved = is(retrieveNx(handle, type), FFA_MEM_RETRIEVE_RESP);
        if (retrieved) {
            AccessProbe.partition(ffa, scenario.partition(), scenario.region(), MemoryRetrieval.MARKER,
                    "after retrieve");
        }
        scenario.giveBack(handle, retrieved, type);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransactionType.class, names = {"SHARE", "LEND"})
    @Tag("rule:FFA.MEM.RECLAIM.RESTORES_EXACTLY")
    @DisplayName("after RECLAIM the owner has exactly the access it had before the send, never more")
    void reclaimRestoresOwnerAccess(TransactionType type, FfaFirmware ffa) {
        AccessProbe.requireEnforced(ffa, ffa.self());
        AccessProbe.normalWorld(ffa, scenario.region(), MemoryRetrieval.MARKER, "before the send");
        FfaCheck send = send(type);
        if (!is(send, FFA_SUCCESS)) {
            return;
        }
        AccessProbe.normalWorld(ffa, scenario.region(), MemoryRetrieval.MARKER, "after the send");
        long handle = MemoryRetrieval.handle(send);
        AccessPermissions requested = type == TransactionType.SHARE ? AccessPermissions.RW : AccessPermissions.RW_NX;
        FfaCheck retrieve = scenario.retrieve(handle, type, requested, 0);
        scenario.giveBack(handle, is(retrieve, FFA_MEM_RETRIEVE_RESP), type);
        AccessProbe.normalWorld(ffa, scenario.region(), MemoryRetrieval.MARKER, "after the reclaim");
    }
}
