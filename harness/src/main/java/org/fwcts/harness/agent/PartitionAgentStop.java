package org.fwcts.harness.agent;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line the secure-partition agent prints when it stops for good (sp-agent/PROTOCOL.md,
 * "Robustness"): after 16 entries in a row that were not direct requests, or an exception outside
 * a command. It shares the console with the normal-world agent, so a request the normal world is
 * waiting on through that partition will never be answered: the session need not wait out its
 * deadline and retransmissions.
 */
final class PartitionAgentStop {
    private static final String PREFIX = "fwcts-sp-agent: ";
    private static final Pattern LINE = Pattern.compile("fwcts-sp-agent: (stopped, [^\\r\\n]*|panic [^\\r\\n]*)");

    private PartitionAgentStop() {
    }

    /** What the partition agent said when it stopped, if {@code line} is its stop line. */
    static Optional<String> in(String line) {
        if (!line.contains(PREFIX)) {
            // Nearly every line is a reply: one search for the agent's name spares the pattern.
            return Optional.empty();
        }
        Matcher matcher = LINE.matcher(line);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
