package org.fwcts.targets.board;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fwcts.targets.ConsoleEndpoint;
import org.fwcts.targets.RunningTarget;
import org.fwcts.targets.TargetException;
import org.fwcts.targets.TargetLauncher;
import org.fwcts.targets.descriptor.ConsoleSpec;
import org.fwcts.targets.descriptor.TargetDescriptor;
import org.fwcts.targets.image.AgentImage;
import org.fwcts.targets.image.ImageManifest;

/**
 * Boots a physical board: deploys the agent image, then power-cycles the board (or resets it,
 * or leaves it to whoever powers it when the descriptor names neither). Whether it booted is
 * decided by the agent's handshake on the console, not here.
 */
public final class BoardLauncher implements TargetLauncher {
    private final ImageManifest images;

    public BoardLauncher(ImageManifest images) {
        this.images = images;
    }

    @Override
    public RunningTarget launch(TargetDescriptor target, Path workDir) {
        BoardSettings board = target.settings(BoardSettings.class);
        AgentImage agent = images.image(target.agentImage()).verified();
        Optional<Power> power = BoardDrivers.power(board);
        Optional<Reset> reset = BoardDrivers.reset(board, power);
        List<String> log = new ArrayList<>();
        log.add("deploy: " + BoardDrivers.deploy(board).deploy(agent.file()));
        if (power.isPresent()) {
            power.get().cycle();
            log.add("power cycled: " + power.get());
        } else if (reset.isPresent()) {
            reset.get().reset();
            log.add("reset");
        } else {
            log.add("no power switch or reset configured: waiting for the agent to come up by itself");
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("agent:" + agent.name(), agent.sha256());
        return new BoardInstance(endpoints(target), hashes, power.filter(p -> board.powerOffAtEnd()), log);
    }

    private static List<ConsoleEndpoint> endpoints(TargetDescriptor target) {
        List<ConsoleEndpoint> endpoints = new ArrayList<>();
        for (ConsoleSpec console : target.consoles()) {
            endpoints.add(switch (console.kind()) {
                case SERIAL -> new ConsoleEndpoint.Serial(console.name(), console.device().orElseThrow(), console.line());
                case TCP -> new ConsoleEndpoint.Network(console.name(), console.host(), console.port(), false);
                case TELNET -> new ConsoleEndpoint.Network(console.name(), console.host(), console.port(), true);
                case STDIO, PTY -> throw new TargetException(target.file() + ": consoles." + console.name()
                        + ".kind: a board's console is serial, tcp or telnet");
            });
        }
        return endpoints;
    }
}
