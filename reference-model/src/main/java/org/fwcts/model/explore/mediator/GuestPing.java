package org.fwcts.model.explore.mediator;

import org.fwcts.model.explore.Step;
import org.fwcts.model.ffa.EndpointId;

/**
 * A command to the partition agent in {@code partition}, sent with {@code caller}'s own direct
 * requests through the mediator (the request, the SP's answer, each checked).
 */
public record GuestPing(EndpointId caller, EndpointId partition, long[] payload) implements Step.Extension {
    public GuestPing {
        payload = payload.clone();
    }

    @Override
    public long[] payload() {
        return payload.clone();
    }
}
