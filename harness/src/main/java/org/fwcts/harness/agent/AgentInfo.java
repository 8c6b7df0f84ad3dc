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
 * @param identity which agent it is; for a version 1 agent, {@link AgentIdentity#VERSION_1}
 */
public record AgentInfo(int protocol, int exceptionLevel, Set<String> capabilities, String version,
        AgentIdentity identity) {

    /**
     * Parses {@code proto=1 el=2 caps=smc,hvc ver=1.0} (version 1) or
     * {@code proto=2 el=2 caps=smc,hvc ver=1.1 agent=host ep=0} (version 2: the identity is required).
     */
    static AgentInfo parse(List<String> fields) {
        Map<String, String> values = new HashMap<>();
        for (String field : fields) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                values.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        try {
            int protocol = Integer.parseInt(values.getOrDefault("proto", "-1"));
            return new AgentInfo(protocol, Integer.parseInt(values.getOrDefault("el", "-1")),
                    Set.of(values.getOrDefault("caps", "").split(",")), values.getOrDefault("ver", "?"),
                    protocol < 2 ? AgentIdentity.VERSION_1 : identity(values, fields));
        } catch (IllegalArgumentException e) {
            throw new AgentProtocolException("malformed agent identification: " + fields);
        }
    }

    private static AgentIdentity identity(Map<String, String> values, List<String> fields) {
        String role = values.get("agent");
        String endpoint = values.get("ep");
        if (role == null || endpoint == null || !endpoint.matches("[0-9a-f]{1,4}")) {
            throw new AgentProtocolException("malformed agent identification (protocol 2 needs agent= and ep=,"
                    + " ep as 1-4 lower-case hex digits): " + fields);
        }
        return new AgentIdentity(AgentIdentity.Role.fromWire(role).orElseThrow(() -> new AgentProtocolException(
                "unknown agent role '" + role + "' (known: host, partition, realm, vm): " + fields)),
                Integer.parseInt(endpoint, 16));
    }
}
