package org.fwcts.targets.fvp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.OutputTail;
import org.fwcts.targets.ProcessTarget;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.descriptor.ConsoleSpec;

/**
 * A running FVP. It watches the model's output for its terminal announcements
 * ({@code terminal_0: Listening for serial connection on port 5000}; the prefix varies by model,
 * and the port is whichever was free), hands the agent's terminal to the harness, and drains
 * every other terminal itself, so no unread UART stalls the model.
 */
final class FvpInstance extends ProcessTarget {
    private static final Pattern ANNOUNCEMENT = Pattern.compile("^\\s*(\\S+): Listening for serial connection on port (\\d+)");
    private static final Duration LIVENESS_POLL = Duration.ofMillis(200);

    private final ConsoleSpec agentConsole;
    private final Map<String, String> labels;
    private final CompletableFuture<Integer> agentPort = new CompletableFuture<>();
    private final Map<String, Integer> announced = new ConcurrentHashMap<>();
    private final Map<String, TerminalDrain> drains = new ConcurrentHashMap<>();
    private final List<java.util.function.BiConsumer<String, String>> forwards =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final OutputTail output;
    private volatile boolean closed;

    /**
     * @param labels a console name for each terminal the descriptor names, shown in diagnostics
     */
    FvpInstance(Process process, ConsoleSpec agentConsole, Map<String, String> labels, Map<String, String> imageHashes) {
        super("FVP", process, imageHashes);
        this.agentConsole = agentConsole;
        this.labels = Map.copyOf(labels);
        // Last: the reader thread calls onLine at once.
        this.output = new OutputTail(process.getInputStream(), "fvp-" + process.pid() + "-output", this::onLine);
    }

    private void onLine(String line) {
        Matcher match = ANNOUNCEMENT.matcher(line);
        if (!match.find() || closed) {
            return;
        }
        String terminal = match.group(1);
        int port = Integer.parseInt(match.group(2));
        announced.put(terminal, port);
        if (terminal.equals(agentConsole.terminal().orElseThrow())) {
            agentPort.complete(port);
        } else {
            String label = labels.containsKey(terminal) ? terminal + " (" + labels.get(terminal) + ")" : terminal;
            String console = labels.getOrDefault(terminal, terminal);
            drains.computeIfAbsent(terminal, t -> new TerminalDrain(label, agentConsole.host(), port,
                    read -> forwards.forEach(forward -> forward.accept(console, read))));
        }
    }

    /** Waits until the model announces the agent's terminal; fails naming what it announced instead. */
    void awaitAgentTerminal(Duration timeout, String descriptorFile) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                agentPort.get(LIVENESS_POLL.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (!process.isAlive()) {
                    throw new TargetException("the FVP exited with status " + process.exitValue()
                            + " before announcing " + agentConsole.terminal().orElseThrow() + "; its last output:\n"
                            + output.text());
                }
                if (System.nanoTime() > deadline) {
                    throw new TargetException(descriptorFile + ": consoles." + agentConsole.name() + ".terminal: the model"
                            + " announced no terminal '" + agentConsole.terminal().orElseThrow() + "' within "
                            + timeout.toSeconds() + " s (it announced: " + (announced.isEmpty() ? "none" : announced.keySet())
                            + "); its last output:\n" + output.text());
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetException("interrupted while waiting for the FVP", e);
            }
        }
    }

    @Override
    public List<ConsoleEndpoint> consoles() {
        return List.of(new ConsoleEndpoint.Network(agentConsole.name(), agentConsole.host(), agentPort.join(), false));
    }

    @Override
    public void forwardOwnConsoles(java.util.function.BiConsumer<String, String> listener) {
        forwards.add(listener);
    }

    /** The model's own output, then the last lines of each terminal drained here. */
    @Override
    public String diagnostics() {
        StringBuilder text = new StringBuilder(output.text());
        drains.values().forEach(drain -> text.append("\n--- ").append(drain.label()).append(" ---\n").append(drain.text()));
        return text.toString();
    }

    @Override
    public void close() {
        closed = true;
        drains.values().forEach(TerminalDrain::close);
        super.close();
    }
}
