package org.fwcts.harness.agent;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fwcts.targets.text.UntrustedText;

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

    /** Characters of the agent's version kept: it is shown in every report. */
    private static final int VERSION_LIMIT = 100;

    /**
     * Parses {@code proto=1 el=2 caps=smc,hvc ver=1.0} (version 1) or
     * {@code proto=2 el=2 caps=smc,hvc ver=1.1 agent=host ep=0} (version 2: the identity is required).
     * The text comes from the target: a malformed identification is a protocol error, and the
     * version is kept with its control characters made visible.
     */
    static AgentInfo parse(List<String> fields) {
        Map<String, String> values = new HashMap<>();
        for (String field : fields) {
            int eq = field.indexOf('=');
            if (eq > 0 && values.put(field.substring(0, eq), field.substring(eq + 1)) != null) {
                throw malformed("'" + field.substring(0, eq) + "' given twice", fields);
            }
        }
        Set<String> capabilities = new LinkedHashSet<>();
        for (String capability : values.getOrDefault("caps", "").split(",")) {
            if (!capabilities.add(capability)) {
                throw malformed("capability '" + capability + "' listed twice", fields);
            }
        }
        int protocol;
        int exceptionLevel;
        try {
            protocol = Integer.parseInt(values.getOrDefault("proto", "-1"));
            exceptionLevel = Integer.parseInt(values.getOrDefault("el", "-1"));
        } catch (NumberFormatException e) {
            throw malformed("proto or el is not a number", fields);
        }
        return new AgentInfo(protocol, exceptionLevel, Set.copyOf(capabilities),
                UntrustedText.visible(values.getOrDefault("ver", "?"), VERSION_LIMIT, false),
                protocol < 2 ? AgentIdentity.VERSION_1 : identity(values, fields));
    }

    private static AgentIdentity identity(Map<String, String> values, List<String> fields) {
        String role = values.get("agent");
        String endpoint = values.get("ep");
        if (role == null || endpoint == null || !endpoint.matches("[0-9a-f]{1,4}")) {
            throw malformed("protocol 2 needs agent= and ep=, ep as 1-4 lower-case hex digits", fields);
        }
        return new AgentIdentity(AgentIdentity.Role.fromWire(role).orElseThrow(() -> malformed(
                "unknown agent role '" + role + "' (known: host, partition, realm, vm)", fields)), Integer.parseInt(endpoint, 16));
    }

    private static AgentProtocolException malformed(String why, List<String> fields) {
        return new AgentProtocolException("malformed agent identification (" + UntrustedText.line(why) + "): '"
                + UntrustedText.line(String.join(" ", fields)) + "'");
    }
}
