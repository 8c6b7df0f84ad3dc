package org.fwcts.model.explore.rmm;

import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.rmm.GranuleState;
import org.fwcts.model.rmm.RealmCall;
import org.fwcts.model.rmm.Rec;
import org.fwcts.model.rmm.RmiFunction;
import org.fwcts.model.rmm.RsiFunction;

/**
 * RIPAS: the host's RTT_INIT_RIPAS on slots {@code a} and {@code b}; from the agent realm,
 * RSI_IPA_STATE_GET and RSI_IPA_STATE_SET of pages past its image (an exit to the host with
 * RIPAS_CHANGE), which the host accepts with RTT_SET_RIPAS and completes or rejects on the next
 * entry; near misses: an unprotected or misaligned range, RTT_SET_RIPAS naming another realm's REC
 * or RD, a range other than the one the realm asked for.
 */
final class RipasArea extends RmmArea {
    private static final String[] RANGES = {"page", "table", "unprotected", "misaligned", "image", "free", "empty"};

    RipasArea() {
        super("ripas", "init", "get", "request", "accept", "complete", "reject");
    }

    @Override
    void propose(RmmWorld world, EndpointId host, Proposals proposals) {
        for (String slot : world.slotsWithRealms()) {
            boolean l3 = world.state().granule(world.granule(slot + ".l3")) == GranuleState.RTT;
            proposals.add(l3 ? 0.6 : 0.1, action(host, "init", "realm", slot, "range", "page"));
            proposals.add(0.15, action(host, "init", "realm", slot, "range", "table"));
            proposals.add(0.1, action(host, "init", "realm", slot, "range", "unprotected"));
            proposals.add(0.1, action(host, "init", "realm", slot, "range", "misaligned"));
        }
        Rec.Stage stage = world.agentRec().map(Rec::stage).orElse(null);
        if (stage == Rec.Stage.WAITING) {
            for (String range : new String[] {"free", "empty", "image", "unprotected"}) {
                proposals.add(0.25, action(host, "get", "range", range));
            }
            proposals.add(0.8, action(host, "request", "range", "free", "ripas", "RAM"));
            proposals.add(0.3, action(host, "request", "range", "free", "ripas", "EMPTY"));
            proposals.add(0.1, action(host, "request", "range", "unprotected", "ripas", "RAM"));
            proposals.add(0.1, action(host, "request", "range", "misaligned", "ripas", "RAM"));
        } else if (stage == Rec.Stage.RIPAS_REQUESTED) {
            proposals.add(2, action(host, "accept", "rec", "agent", "range", "asked"));
            proposals.add(0.2, action(host, "accept", "rec", "a", "range", "asked"));
            proposals.add(0.2, action(host, "accept", "rec", "agent-with-rd-of-a", "range", "asked"));
            proposals.add(0.2, action(host, "accept", "rec", "agent", "range", "beyond"));
            proposals.add(1, action(host, "complete"));
            proposals.add(0.4, action(host, "reject"));
        }
    }

    @Override
    void concretise(Action action, RmmWorld world, RmmCalls calls) {
        switch (action.kind()) {
            case "init" -> {
                long[] range = range(action, world);
                calls.rmi(RmiFunction.RMI_RTT_INIT_RIPAS, world.rd(slot(action)), range[0], range[1]);
            }
            case "get" -> {
                long[] range = range(action, world);
                calls.rsi(RsiFunction.RSI_IPA_STATE_GET, range[0], range[1]);
            }
            case "request" -> {
                long[] range = range(action, world);
                long ripas = switch (action.param("ripas")) {
                    case "RAM" -> 1;
                    case "EMPTY" -> 0;
                    default -> throw badChoice(action, "ripas", "RAM", "EMPTY");
                };
                calls.rsi(RsiFunction.RSI_IPA_STATE_SET, range[0], range[1], ripas, 0);
            }
            case "accept" -> accept(action, world, calls);
            case "complete" -> calls.resume(0, 0);
            default -> calls.resume(RealmCall.FLAG_RIPAS_REJECT, 0);
        }
    }

    private static void accept(Action action, RmmWorld world, RmmCalls calls) {
        long rd = world.rd(RmmWorld.AGENT);
        long rec = world.granule(RmmWorld.AGENT + ".rec");
        switch (action.param("rec")) {
            case "agent" -> { }
            case "a" -> rec = world.granule("a.rec");
            case "agent-with-rd-of-a" -> rd = world.rd("a");
            default -> throw badChoice(action, "rec", "agent", "a", "agent-with-rd-of-a");
        }
        Rec.RipasChange asked = world.agentRec().flatMap(Rec::ripasChange).orElse(null);
        long base = asked == null ? RsiArea.FREE_IPA : asked.base();
        long top = asked == null ? base + RmmWorld.GRANULE : asked.top();
        if ("beyond".equals(action.param("range"))) {
            top += RmmWorld.GRANULE;
        }
        calls.rmi(RmiFunction.RMI_RTT_SET_RIPAS, rd, rec, base, top);
    }

    private static long[] range(Action action, RmmWorld world) {
        long page = RmmWorld.GRANULE;
        return switch (action.param("range")) {
            case "page" -> new long[] {RmmWorld.BASE_IPA, RmmWorld.BASE_IPA + page};
            case "table" -> new long[] {RmmWorld.BASE_IPA, RmmWorld.BASE_IPA + 0x20_0000};
            case "unprotected" -> new long[] {world.unprotected(RsiArea.FREE_IPA), world.unprotected(RsiArea.FREE_IPA) + page};
            case "misaligned" -> new long[] {RsiArea.FREE_IPA + 0x800, RsiArea.FREE_IPA + page};
            case "image" -> new long[] {RmmWorld.BASE_IPA, RmmWorld.BASE_IPA + page};
            case "free" -> new long[] {RsiArea.FREE_IPA, RsiArea.FREE_IPA + page};
            case "empty" -> new long[] {RsiArea.EMPTY_IPA, RsiArea.EMPTY_IPA + page};
            default -> throw badChoice(action, "range", RANGES);
        };
    }
}
