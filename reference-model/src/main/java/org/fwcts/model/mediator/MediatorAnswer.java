package org.fwcts.model.mediator;

import java.util.Optional;
import org.fwcts.model.ffa.RxContents;
import org.fwcts.model.prediction.Prediction;

/**
 * The mediator answers a VM's call itself.
 *
 * @param rx what it writes to the VM's RX buffer, if anything
 */
public record MediatorAnswer(Prediction registers, Optional<RxContents> rx, MediatorState next) {
}
