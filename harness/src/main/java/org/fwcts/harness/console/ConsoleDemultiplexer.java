package org.fwcts.harness.console;

import java.util.Set;

/**
 * One console carrying several agents' protocol streams (a hypervisor's guests behind one UART,
 * say): each agent's frames carry its identity, and each agent gets a channel of its own that
 * sees only its frames. Lines no agent claims (firmware and hypervisor logs) go to the transcript.
 *
 * <p>Agents identify themselves in the protocol v2 banner; on a console with a single v1 agent the
 * demultiplexer is the identity and {@link #channel} serves that agent under its one tag.
 */
public interface ConsoleDemultiplexer extends AutoCloseable {

    /** The agent tags seen on the console so far (from their banners). */
    Set<String> agents();

    /** The channel of the agent tagged {@code agent}: its lines only, in order; writes go to the shared console. */
    LineChannel channel(String agent);

    @Override
    void close();
}
