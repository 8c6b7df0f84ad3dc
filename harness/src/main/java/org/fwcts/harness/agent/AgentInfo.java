package org.fwcts.harness.agent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the agent says of itself in its banner and handshake.
 *
 * @param protocol the protocol version
 * @param exceptionLevel the exception level it runs at
 * @param capabilities its command groups
 * @param version the agent's own version
 */
public record AgentInfo(int protocol, int exceptionLevel, Set<String> capabilities, String version) {

    /** Parses {@code proto=1 el=2 caps=smc,hvc ver=1.0}. */
    static AgentInfo parse(List<String> fields) {
        Map<String, String> values = new HashMap<>();
        for (String field : fields) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                values.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        try {
            return new AgentInfo(Integer.parseInt(values.getOrDefault("proto", "-1")),
                    Integer.parseInt(values.getOrDefault("el", "-1")),
                    Set.of(values.getOrDefault("caps", "").split(",")), values.getOrDefault("ver", "?"));
        } catch (NumberFormatException e) {
            throw new AgentProtocolException("malformed agent identification: " + fields);
        }
    }
}
