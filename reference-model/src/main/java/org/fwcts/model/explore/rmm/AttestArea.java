package org.fwcts.model.explore.rmm;

import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.rmm.Rec;
import org.fwcts.model.rmm.RsiFunction;

/**
 * Attestation from the agent realm: RSI_ATTEST_TOKEN_INIT with a challenge, and
 * RSI_ATTEST_TOKEN_CONTINUE into the RAM page after the image; near misses: an unaligned buffer,
 * an unprotected one, one in RIPAS EMPTY memory, a size of 0, CONTINUE with no token started.
 */
final class AttestArea extends RmmArea {
    private static final String[] BUFFERS = {"token", "unaligned", "unprotected", "empty"};

    AttestArea() {
        super("attest", "init", "continue");
    }

    @Override
    void propose(RmmWorld world, EndpointId host, Proposals proposals) {
        if (world.agentRec().map(Rec::stage).orElse(null) != Rec.Stage.WAITING) {
            return;
        }
        proposals.add(0.8, action(host, "init", "challenge", "1"));
        proposals.add(0.8, action(host, "continue", "buffer", "token", "size", "4096"));
        proposals.add(0.2, action(host, "continue", "buffer", "token", "size", "0"));
        for (String buffer : new String[] {"unaligned", "unprotected", "empty"}) {
            proposals.add(0.1, action(host, "continue", "buffer", buffer, "size", "4096"));
        }
    }

    @Override
    void concretise(Action action, RmmWorld world, RmmCalls calls) {
        if (action.kind().equals("init")) {
            long seed = number(action, "challenge");
            long[] challenge = new long[8];
            for (int i = 0; i < challenge.length; i++) {
                challenge[i] = 0x0C0F_FEE0_0000_0000L + seed * 0x100 + i;
            }
            calls.rsi(RsiFunction.RSI_ATTEST_TOKEN_INIT, challenge);
            return;
        }
        long buffer = switch (action.param("buffer")) {
            case "token" -> RmmWorld.tokenIpa();
            case "unaligned" -> RmmWorld.tokenIpa() + 8;
            case "unprotected" -> world.unprotected(RmmWorld.tokenIpa());
            case "empty" -> RsiArea.EMPTY_IPA;
            default -> throw badChoice(action, "buffer", BUFFERS);
        };
        calls.rsi(RsiFunction.RSI_ATTEST_TOKEN_CONTINUE, buffer, 0, number(action, "size"));
    }
}
