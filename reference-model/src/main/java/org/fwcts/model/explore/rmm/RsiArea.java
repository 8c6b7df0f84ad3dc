package org.fwcts.model.explore.rmm;

import org.fwcts.model.explore.Action;
import org.fwcts.model.explore.Proposals;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.rmm.RealmCall;
import org.fwcts.model.rmm.Rec;
import org.fwcts.model.rmm.RmiFunction;
import org.fwcts.model.rmm.RsiFunction;

/**
 * The agent realm and the realm agent's calls: {@code build} makes a realm that runs the agent,
 * every call judged (RD and RTTs, RTT_INIT_RIPAS, DATA_CREATE of the image granule by granule and a
 * RAM page after it, a REC, REALM_ACTIVATE, the first entry and its banner); then RSI_VERSION,
 * RSI_FEATURES, loads and stores at an unprotected IPA (an exit to the host with the IPA's top bit
 * in HPFAR), a load of protected RIPAS EMPTY memory (faults in the realm), and the host resuming
 * an access exit with or without an emulated value. With no agent realm (a shrink removed its
 * build) a realm action is REC_ENTER of a granule that is no REC: a near miss the model answers.
 */
final class RsiArea extends RmmArea {
    /** Protected IPAs past the image that no data backs: RIPAS EMPTY until the realm asks for RAM. */
    static final long FREE_IPA = RmmWorld.BASE_IPA + 0x20000;
    static final long EMPTY_IPA = RmmWorld.BASE_IPA + 0x30000;
    private static final String[] TARGETS = {"unprotected", "empty", "free", "image"};

    RsiArea() {
        super("rsi", "build", "version", "features", "load", "store", "resume");
    }

    @Override
    void propose(RmmWorld world, EndpointId host, Proposals proposals) {
        if (world.realm(RmmWorld.AGENT).isEmpty()) {
            proposals.add(3, action(host, "build"));
            return;
        }
        Rec.Stage stage = world.agentRec().map(Rec::stage).orElse(null);
        if (stage == Rec.Stage.WAITING) {
            proposals.add(0.5, action(host, "version", "requested", "0x10000"));
            proposals.add(0.2, action(host, "version", "requested", "0x30000"));
            proposals.add(0.3, action(host, "features", "index", "0"));
            for (String target : TARGETS) {
                proposals.add(0.3, action(host, "load", "at", target));
            }
            proposals.add(0.3, action(host, "store", "at", "unprotected"));
        } else if (stage == Rec.Stage.ACCESS_EXITED) {
            proposals.add(2, action(host, "resume", "emulated", "yes"));
            proposals.add(0.5, action(host, "resume", "emulated", "no"));
        }
    }

    @Override
    void concretise(Action action, RmmWorld world, RmmCalls calls) {
        switch (action.kind()) {
            case "build" -> build(world, calls);
            case "version" -> calls.rsi(RsiFunction.RSI_VERSION, action.hexParam("requested"));
            case "features" -> calls.rsi(RsiFunction.RSI_FEATURES, number(action, "index"));
            case "load" -> calls.realm(org.fwcts.model.Registers.of(RealmCall.LOAD64, at(action, world)));
            case "store" -> calls.realm(org.fwcts.model.Registers.of(RealmCall.STORE64, at(action, world),
                    0x5EED_0000_0000_0001L));
            default -> calls.resume("yes".equals(action.param("emulated")) ? RealmCall.FLAG_EMULATED_MMIO : 0,
                    0x0123_4567_89AB_CDEFL);
        }
    }

    private static long at(Action action, RmmWorld world) {
        return switch (action.param("at")) {
            case "unprotected" -> world.unprotected(FREE_IPA);
            case "empty" -> EMPTY_IPA;
            case "free" -> FREE_IPA;
            case "image" -> RmmWorld.BASE_IPA;
            default -> throw badChoice(action, "at", TARGETS);
        };
    }

    /** Every call of building the agent realm, as RealmSetup's catalogue tests build theirs. */
    private static void build(RmmWorld world, RmmCalls calls) {
        String agent = RmmWorld.AGENT;
        long rd = world.rd(agent);
        int ordinal = world.state().realmsCreated();
        calls.delegated(world.granule(agent + ".root")).delegated(rd);
        calls.realmCreate(agent, rd, world.granule(agent + ".root"), RmmWorld.S2SZ);
        long l2 = world.granule(agent + ".l2");
        long l3 = world.granule(agent + ".l3");
        calls.delegated(l2).rmi(RmiFunction.RMI_RTT_CREATE, rd, l2, RmmWorld.BASE_IPA, 2);
        calls.delegated(l3).rmi(RmiFunction.RMI_RTT_CREATE, rd, l3, RmmWorld.BASE_IPA, 3);
        calls.rmi(RmiFunction.RMI_RTT_INIT_RIPAS, rd, RmmWorld.BASE_IPA, RmmWorld.tokenIpa() + RmmWorld.GRANULE);
        for (int i = 0; i < world.imageGranules(); i++) {
            long data = world.granule(agent + ".data:" + i);
            calls.delegated(data).dataCreate(rd, data, RmmWorld.BASE_IPA + i * RmmWorld.GRANULE, world.imageGranule(i));
        }
        long token = world.granule(agent + ".data:" + RmmWorld.IMAGE_GRANULES);
        calls.delegated(token).dataCreate(rd, token, RmmWorld.tokenIpa(), new byte[(int) RmmWorld.GRANULE]);
        long rec = world.granule(agent + ".rec");
        calls.recCreate(rd, rec, calls.aux(agent), true, 0, true);
        calls.rmi(RmiFunction.RMI_REALM_ACTIVATE, rd);
        calls.first(ordinal, rec);
    }
}
