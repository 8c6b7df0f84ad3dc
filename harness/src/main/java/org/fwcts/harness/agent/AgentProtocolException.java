package org.fwcts.harness.agent;

/** The agent cannot be talked to: no handshake, another protocol version, or a reply that makes no sense. */
public class AgentProtocolException extends RuntimeException {
    public AgentProtocolException(String message) {
        super(message);
    }
}
