package org.fwcts.targets.board;

import java.util.Optional;

/**
 * How a board is driven, as its descriptor's {@code board} section composes it.
 *
 * @param power the power switch, if the harness may switch the board
 * @param reset how to reset it, if it has a way other than power
 * @param deploy how the agent image reaches it
 * @param powerOffAtEnd whether the board is switched off when the run ends
 */
public record BoardSettings(Optional<Power> power, Optional<Reset> reset, Deploy deploy, boolean powerOffAtEnd) {
}
