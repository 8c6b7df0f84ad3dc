package org.fwcts.harness.agent;

import java.util.List;

/** The agent's answer to one request, or why there was none. */
public sealed interface AgentReply {

    /** The command ran. */
    record Ok(List<String> fields) implements AgentReply {
        public Ok {
            fields = List.copyOf(fields);
        }

        /**
         * Field {@code index} as a number; a field that is missing or not a protocol number
         * (lower-case hex, no leading zeros, at most 64 bits) is the agent's error.
         */
        public long number(int index) {
            if (index >= fields.size() || !WireNumber.isValid(fields.get(index))) {
                throw new AgentProtocolException("the agent broke the protocol: field " + index + " of '"
                        + org.fwcts.targets.text.UntrustedText.line(String.join(" ", fields)) + "' is not a number");
            }
            return WireNumber.parse(fields.get(index));
        }
    }

    /** The command took a synchronous exception; the agent recovered. */
    record Fault(ExceptionReport exception) implements AgentReply {
    }

    /** The agent refused the command without running it ({@code err CODE}). */
    record Rejected(String code) implements AgentReply {
    }

    /**
     * The agent started an SMC or HVC for this request (its call marker arrived) and no reply came
     * to any attempt within the request's time, or the session learnt while waiting that none
     * could come: the firmware did not return from that call.
     *
     * @param call which call of the request did not return, from 1 (a chain line makes several)
     * @param waited how long the harness waited for the reply after sending the request
     * @param cause what ended the wait early (the firmware's crash report, a partition that stopped), if anything did
     */
    record NotReturned(int call, java.time.Duration waited, java.util.Optional<String> cause) implements AgentReply {
        /** The call and the wait, as a report says them. */
        public String reason() {
            return "call " + call + " of the request " + Observation.NotReturned.describe(waited, cause);
        }
    }

    /** No valid reply arrived in time, after the retransmissions the protocol allows. */
    record NoReply(String reason) implements AgentReply {
    }
}
