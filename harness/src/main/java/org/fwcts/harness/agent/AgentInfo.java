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
 */
public record AgentInfo(int protocol, int exceptionLevel, Set<String> capabilities, String version) {

    /** Characters of the agent's version kept: it is shown in every report. */
    private static final int VERSION_LIMIT = 100;

    /**
     * Parses {@code proto=1 el=2 caps=smc,hvc ver=1.0}. The text comes from the target: a
     * malformed identification is a protocol error, and the version is kept with its control
     * characters made visible.
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
        try {
            return new AgentInfo(Integer.parseInt(values.getOrDefault("proto", "-1")),
                    Integer.parseInt(values.getOrDefault("el", "-1")), Set.copyOf(capabilities),
                    UntrustedText.visible(values.getOrDefault("ver", "?"), VERSION_LIMIT, false));
        } catch (NumberFormatException e) {
            throw malformed("proto or el is not a number", fields);
        }
    }

    private static AgentProtocolException malformed(String why, List<String> fields) {
        return new AgentProtocolException("malformed agent identification (" + UntrustedText.line(why) + "): '"
                + UntrustedText.line(String.join(" ", fields)) + "'");
    }
}
