package org.fwcts.harness.agent;

import java.util.Locale;
import java.util.Optional;

/**
 * Which agent answers on a channel: its role and its FF-A endpoint ID, as protocol version 2
 * announces them ({@code agent=host ep=0}).
 *
 * @param role what kind of agent it is
 * @param endpoint its FF-A endpoint ID (16 bits); 0 for a host agent with no hypervisor below it
 */
public record AgentIdentity(Role role, int endpoint) {

    /** A version 1 agent, which had no way to say: only the normal-world host agent spoke protocol 1. */
    public static final AgentIdentity VERSION_1 = new AgentIdentity(Role.HOST, 0);

    public AgentIdentity {
        if (endpoint < 0 || endpoint > 0xFFFF) {
            throw new IllegalArgumentException("an FF-A endpoint ID has 16 bits, got " + endpoint);
        }
    }

    /** The roles an agent can play, by their name on the wire; a partition agent numbers them from 1 in this order. */
    public enum Role {
        /** The normal-world agent the harness talks to over the console. */
        HOST,
        /** A secure partition agent, reached through the firmware by direct messages. */
        PARTITION,
        /** An agent in a CCA realm. */
        REALM,
        /** An agent in a virtual machine under a hypervisor. */
        VM;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Role> fromWire(String text) {
            for (Role role : values()) {
                if (role.wireName().equals(text)) {
                    return Optional.of(role);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The identity a partition agent gives in its {@code info} response: the role in r1[7:0]
     * (0 from a version 1.0 agent, which was always a partition's) and the endpoint that sent the
     * response (r0[31:16]); see firmware-images/sp-agent/PROTOCOL.md, "Identity".
     */
    public static AgentIdentity ofPartitionInfo(long r1, int sender) {
        int major = (int) ((r1 >>> 16) & 0xFFFF);
        int code = (int) (r1 & 0xFF);
        if (major < 2 || code == 0) {
            return new AgentIdentity(Role.PARTITION, sender);
        }
        if (code > Role.values().length) {
            throw new AgentProtocolException("unknown agent role " + code + " in the partition agent's info (r1 = 0x"
                    + Long.toHexString(r1) + ")");
        }
        return new AgentIdentity(Role.values()[code - 1], sender);
    }

    @Override
    public String toString() {
        return role.wireName() + " agent, endpoint 0x" + String.format("%04x", endpoint);
    }
}
