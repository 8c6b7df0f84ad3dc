package org.fwcts.harness.agent;

import java.util.List;

/** The agent's answer to one request, or why there was none. */
public sealed interface AgentReply {

    /** The command ran. */
    record Ok(List<String> fields) implements AgentReply {
        public Ok {
            fields = List.copyOf(fields);
        }

        public long number(int index) {
            return Long.parseUnsignedLong(fields.get(index), 16);
        }
    }

    /** The command took a synchronous exception; the agent recovered. */
    record Fault(ExceptionReport exception) implements AgentReply {
    }

    /** The agent refused the command without running it ({@code err CODE}). */
    record Rejected(String code) implements AgentReply {
    }

    /** No valid reply arrived in time, after the retransmissions the protocol allows. */
    record NoReply(String reason) implements AgentReply {
    }
}
