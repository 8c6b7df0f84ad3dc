package org.fwcts.harness.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("What an agent says of itself")
class AgentInfoTests {

    private static AgentInfo parse(String fields) {
        return AgentInfo.parse(List.of(fields.split(" ")));
    }

    @Test
    @DisplayName("in protocol 1: no identity, taken as the host agent at endpoint 0")
    void version1() {
        AgentInfo info = parse("proto=1 el=2 caps=smc,hvc ver=1.0");
        assertThat(info.protocol()).isEqualTo(1);
        assertThat(info.exceptionLevel()).isEqualTo(2);
        assertThat(info.capabilities()).containsExactlyInAnyOrder("smc", "hvc");
        assertThat(info.identity()).isEqualTo(AgentIdentity.VERSION_1)
                .isEqualTo(new AgentIdentity(AgentIdentity.Role.HOST, 0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"agent=host ep=0, HOST, 0", "agent=partition ep=8001, PARTITION, 32769", "agent=vm ep=1, VM, 1",
            "agent=realm ep=ffff, REALM, 65535"})
    @DisplayName("in protocol 2: its role and endpoint")
    void version2(String identity, AgentIdentity.Role role, int endpoint) {
        AgentInfo info = parse("proto=2 el=1 caps=smc ver=1.1 " + identity);
        assertThat(info.protocol()).isEqualTo(2);
        assertThat(info.identity()).isEqualTo(new AgentIdentity(role, endpoint));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            proto=2 el=2 caps=smc ver=1.1                   | protocol 2 needs agent= and ep=
            proto=2 el=2 caps=smc ver=1.1 agent=host        | protocol 2 needs agent= and ep=
            proto=2 el=2 caps=smc ver=1.1 agent=host ep=10000 | protocol 2 needs agent= and ep=
            proto=2 el=2 caps=smc ver=1.1 agent=host ep=0x1 | protocol 2 needs agent= and ep=
            proto=2 el=2 caps=smc ver=1.1 agent=ghost ep=1  | unknown agent role 'ghost'
            proto=x el=2 caps=smc ver=1.1                   | malformed agent identification
            proto=1 el=2 caps=smc,smc ver=1.0               | malformed agent identification
            """)
    @DisplayName("malformed: a protocol error naming what is wrong")
    void malformed(String fields, String message) {
        assertThatThrownBy(() -> parse(fields.strip())).isInstanceOf(AgentProtocolException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "info r1 = {0}")
    @CsvSource({"0x00010000, PARTITION", "0x00020002, PARTITION", "0x00020004, VM", "0x00020001, HOST", "0x00020000, PARTITION"})
    @DisplayName("a partition agent's info answer, from version 1.0 and 2.0 agents")
    void partitionInfo(String r1, AgentIdentity.Role role) {
        assertThat(AgentIdentity.ofPartitionInfo(Long.decode(r1), 0x8001)).isEqualTo(new AgentIdentity(role, 0x8001));
    }

    @Test
    @DisplayName("a partition agent's info with a role this harness does not know")
    void partitionInfoUnknownRole() {
        assertThatThrownBy(() -> AgentIdentity.ofPartitionInfo(0x0002_0009L, 0x8001))
                .isInstanceOf(AgentProtocolException.class).hasMessageContaining("unknown agent role 9");
    }
}
