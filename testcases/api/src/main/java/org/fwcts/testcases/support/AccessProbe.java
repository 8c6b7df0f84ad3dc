package org.fwcts.testcases.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.fwcts.harness.agent.AgentMemory;
import org.fwcts.harness.partition.PartitionStatus;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.PageAccess;
import org.opentest4j.TestAbortedException;

/**
 * Tries reading, writing and executing one page from an endpoint and checks each against the
 * model's access map: where hardware enforces the map, a denied access must fault and a granted
 * one must work. The page must start with code that returns {@code marker} in x0.
 */
public final class AccessProbe {

    private AccessProbe() {
    }

    /** Skips the test, with the reason, when the topology does not enforce {@code endpoint}'s access. */
    public static void requireEnforced(FfaFirmware ffa, EndpointId endpoint) {
        if (!ffa.model().topology().isEnforced(endpoint)) {
            throw new TestAbortedException("the topology does not enforce " + endpoint + "'s memory access in hardware"
                    + " (no stage-2 translation for it): its permissions are not observable by real accesses here");
        }
    }

    /** Probes {@code address} from the normal-world agent. */
    public static void normalWorld(FfaFirmware ffa, long address, long marker, String when) {
        PageAccess expected = ffa.state().memory().access().access(ffa.self(), address);
        AgentMemory memory = ffa.memory();
        AgentMemory.Result read = memory.read(address, 8);
        check(when, "read", expected.read(), read instanceof AgentMemory.Result.Done);
        byte[] bytes = read instanceof AgentMemory.Result.Done done ? done.bytes() : new byte[8];
        check(when, "write", expected.write(), memory.write(address, bytes) instanceof AgentMemory.Result.Done);
        AgentMemory.Result run = memory.execute(address, 0);
        boolean executed = run instanceof AgentMemory.Result.Done done && done.value() == marker;
        check(when, "execute", expected.execute(), executed);
    }

    /** Probes {@code address} from the partition agent. */
    public static void partition(FfaFirmware ffa, PartitionAgent agent, long address, long marker, String when) {
        PageAccess expected = ffa.state().memory().access().access(agent.id(), address);
        check(when, "read", expected.read(), agent.hash(address, 8).status() == PartitionStatus.OK);
        PartitionExchange run = agent.execute(address);
        check(when, "execute", expected.execute(), run.status() == PartitionStatus.OK && run.result(1) == marker);
    }

    private static void check(String when, String access, boolean granted, boolean worked) {
        assertThat(worked).as("%s: the model %s %s access; the access %s", when, granted ? "grants" : "denies", access,
                worked ? "worked" : "faulted").isEqualTo(granted);
    }
}
