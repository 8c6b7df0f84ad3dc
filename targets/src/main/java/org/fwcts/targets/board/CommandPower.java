package org.fwcts.targets.board;

import java.util.Map;
import java.util.Optional;

/**
 * Power switched by commands from the descriptor ({@code power.on}, {@code power.off}, and
 * optionally {@code power.cycle}): a vendor's relay tool, {@code snmpset}, a USB hub's
 * {@code uhubctl}.
 */
final class CommandPower implements Power {
    private final ShellCommand on;
    private final ShellCommand off;
    private final Optional<ShellCommand> cycle;

    CommandPower(PowerSettings.Commands settings) {
        this.on = settings.on();
        this.off = settings.off();
        this.cycle = settings.cycle();
    }

    @Override
    public void on() {
        on.run(Map.of());
    }

    @Override
    public void off() {
        off.run(Map.of());
    }

    @Override
    public void cycle() {
        if (cycle.isPresent()) {
            cycle.get().run(Map.of());
        } else {
            Power.super.cycle();
        }
    }

    @Override
    public String toString() {
        return "commands (" + on.template() + " / " + off.template() + ")";
    }
}
