package org.fwcts.targets.board;

import java.util.Optional;
import org.fwcts.targets.spi.KindSettings;

/**
 * How a board is driven, as its descriptor's {@code board} section composes it: values only; the
 * power switch, reset and deployment are built when the board is launched.
 *
 * @param power the power switch, if the harness may switch the board
 * @param reset how to reset it, if it has a way other than power
 * @param deploy how the agent image reaches it
 * @param powerOffAtEnd whether the board is switched off when the run ends
 */
public record BoardSettings(Optional<PowerSettings> power, Optional<ResetSettings> reset, DeploySettings deploy,
        boolean powerOffAtEnd) implements KindSettings {
}
