package org.fwcts.harness.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fwcts.model.Registers;

/**
 * What every agent that lists the {@code chain} capability must do with a chain (PROTOCOL.md,
 * "Chains"), checked the same way on the simulated machine and on QEMU.
 *
 * @param agent a session with such an agent
 * @param ram an address of normal-world RAM the checks may overwrite (a few bytes)
 * @param unmapped an address whose read faults
 * @param call a call that completes, with the same x0 every time
 */
public record ChainChecks(AgentSession agent, long ram, long unmapped, Registers call) {

    /** Runs every check. */
    public void all() {
        assertThat(agent.chains()).as("the agent lists the chain capability").isTrue();
        long x0 = ((Observation.Completed) agent.smc(call)).registers().x(0);
        runsInOrderWithOneReply(x0);
        stopsAtAnExpectationThatDoesNotHold(x0);
        stopsAtAFault();
        refusesABadOperationWholly();
        spreadsALongChainOverSeveralLines(x0);
    }

    private void runsInOrderWithOneReply(long x0) {
        AgentChain chain = new AgentChain().write(ram, new byte[] {0x11, 0x22}).smc(call).expect(0, x0, -1L);
        chain.read(ram, 2);
        List<AgentReply> results = agent.chain(chain);
        assertThat(chain.lines()).hasSize(1);
        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isEqualTo(new AgentReply.Ok(List.of()));
        assertThat(agent.observation(results.get(1))).isInstanceOfSatisfying(Observation.Completed.class,
                c -> assertThat(c.registers().x(0)).isEqualTo(x0));
        assertThat(results.get(2)).isEqualTo(new AgentReply.Ok(List.of("1122")));
    }

    private void stopsAtAnExpectationThatDoesNotHold(long x0) {
        List<AgentReply> results = agent.chain(new AgentChain().smc(call).expect(0, x0 + 1, -1L)
                .write(ram, new byte[] {0x33, 0x44}));
        assertThat(results).as("the call ran, the write after the failed expectation did not").hasSize(1);
        assertThat(agent.request("rdb", List.of(Long.toHexString(ram), "2"))).isEqualTo(new AgentReply.Ok(List.of("1122")));
    }

    private void stopsAtAFault() {
        AgentChain chain = new AgentChain();
        chain.read(unmapped, 8);
        List<AgentReply> results = agent.chain(chain.write(ram, new byte[] {0x55, 0x66}));
        assertThat(results).hasSize(1);
        assertThat(results.get(0)).isInstanceOf(AgentReply.Fault.class);
        assertThat(agent.request("rdb", List.of(Long.toHexString(ram), "2"))).isEqualTo(new AgentReply.Ok(List.of("1122")));
    }

    private void refusesABadOperationWholly() {
        String address = Long.toHexString(ram);
        assertThat(agent.request("chain", List.of("wrb", address, "7788", "/", "frob")))
                .isEqualTo(new AgentReply.Rejected("verb"));
        assertThat(agent.request("chain", List.of("wrb", address, "7788", "/", "expect", "0", "0", "0")))
                .as("an expectation follows a call").isEqualTo(new AgentReply.Rejected("args"));
        assertThat(agent.request("chain", List.of("wrb", address, "7788", "/", "/", "rdb", address, "2")))
                .isEqualTo(new AgentReply.Rejected("syntax"));
        assertThat(agent.request("chain", List.of())).isEqualTo(new AgentReply.Rejected("args"));
        assertThat(agent.request("expect", List.of("0", "0", "0"))).as("only inside a chain")
                .isEqualTo(new AgentReply.Rejected("verb"));
        assertThat(agent.request("rdb", List.of(address, "2"))).isEqualTo(new AgentReply.Ok(List.of("1122")));
    }

    private void spreadsALongChainOverSeveralLines(long x0) {
        AgentChain chain = new AgentChain();
        for (int i = 0; i < 40; i++) {
            chain.smc(call).expect(0, x0, -1L);
        }
        assertThat(chain.lines()).as("40 calls take more than one line").hasSizeGreaterThan(1);
        List<AgentReply> results = agent.chain(chain);
        List<Long> x0s = new ArrayList<>();
        results.forEach(r -> x0s.add(((Observation.Completed) agent.observation(r)).registers().x(0)));
        assertThat(x0s).hasSize(40).containsOnly(x0);
        // A line that stops ends the chain: the lines after it are not sent.
        AgentChain stopping = new AgentChain();
        for (int i = 0; i < 40; i++) {
            stopping.smc(call).expect(0, i == 3 ? x0 + 1 : x0, -1L);
        }
        assertThat(agent.chain(stopping)).hasSize(4);
    }
}
