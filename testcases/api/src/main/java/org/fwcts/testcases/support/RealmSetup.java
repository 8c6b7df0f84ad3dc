package org.fwcts.testcases.support;

import static org.fwcts.testcases.support.CallAssert.assertThatCall;

import java.util.Arrays;
import org.fwcts.harness.compare.CallCheck;
import org.fwcts.harness.realm.RealmChannel;
import org.fwcts.model.rmm.RealmEndpoints;
import org.fwcts.model.rmm.RealmParams;
import org.fwcts.model.rmm.RmiFunction;
import org.fwcts.model.rmm.RsiFunction;

/**
 * Builds a realm running the realm agent, every step a judged RMI call: delegate the RD and root
 * RTT, REALM_CREATE, level-2 and level-3 RTTs at the image's IPA, RTT_INIT_RIPAS over the image,
 * DATA_CREATE granule by granule from a normal-world copy, one runnable REC entering at the
 * image, REALM_ACTIVATE, then the first entry, which the agent answers with its banner
 * (firmware-images/realm-agent/PROTOCOL.md).
 *
 * <p>Scratch pages, from {@link RmmHost#FIRST_PAGE}: realm parameters, REC parameters, the run
 * structure, the DATA_CREATE source, then the RD, root RTT, level-2 and level-3 RTTs, the REC, its
 * auxiliary granules and the image's data granules. Tests use pages from {@link #FIRST_FREE_PAGE}.
 */
public final class RealmSetup {
    /** The realm agent is linked to run at this protected IPA. */
    public static final long IMAGE_IPA = 0x4000_0000L;
    /** IPA width of the realms built here: one level-1 root RTT. */
    public static final int S2SZ = 39;
    private static final int VMID = 1;
    private static final int GRANULE = 4096;
    private static final int AUX_PAGES = 16;
    private static final int PARAMS = RmmHost.FIRST_PAGE;
    private static final int REC_PARAMS = PARAMS + 1;
    private static final int RUN = PARAMS + 2;
    private static final int SOURCE = PARAMS + 3;
    private static final int RD = PARAMS + 4;
    private static final int ROOT = RD + 1;
    private static final int LEVEL_2 = RD + 2;
    private static final int LEVEL_3 = RD + 3;
    private static final int REC = RD + 4;
    private static final int AUX = REC + 1;
    private static final int DATA = AUX + AUX_PAGES;
    public static final int FIRST_FREE_PAGE = DATA + RealmImage.MAX_GRANULES;
    /** The free page (index for {@link #free}) of {@link #runningWithSecondRec}'s second REC; its 16 auxiliary granules follow. */
    public static final int SECOND_REC_PAGE = 40;

    private final RmmHost host;

    private RealmSetup(RmmHost host) {
        this.host = host;
    }

    /** The realm's RD, delegated and created but nothing more: for tests of the realm commands themselves. */
    public static long createRealm(RmmHost host) {
        RealmSetup setup = new RealmSetup(host);
        setup.delegate(RD);
        setup.delegate(ROOT);
        byte[] params = RealmParams.simple(S2SZ, host.page(ROOT), VMID).encode();
        expect(host.call(RmmHost.writing(host.page(PARAMS), params), RmiFunction.RMI_REALM_CREATE, host.page(RD),
                host.page(PARAMS)));
        return host.page(RD);
    }

    /** A realm running the realm agent, past its banner. */
    public static RealmAgent running(RmmHost host) {
        return running(host, false);
    }

    /**
     * A realm running the realm agent on REC 0, past its banner, with a second REC (index 1, MPIDR 1) created
     * without RUNNABLE before activation: the target of the realm's PSCI calls. Its granules are the free pages from
     * {@link #SECOND_REC_PAGE}; {@link #secondRec} names it.
     */
    public static RealmAgent runningWithSecondRec(RmmHost host) {
        return running(host, true);
    }

    /** The second REC of {@link #runningWithSecondRec}. */
    public static long secondRec(RmmHost host) {
        return free(host, SECOND_REC_PAGE);
    }

    private static RealmAgent running(RmmHost host, boolean secondRec) {
        int ordinal = host.state().realmsCreated();
        long rd = createRealm(host);
        RealmSetup setup = new RealmSetup(host);
        setup.table(LEVEL_2, 2);
        setup.table(LEVEL_3, 3);
        byte[] image = host.realmImage();
        int granules = image.length / GRANULE;
        expect(host.call(RmiFunction.RMI_RTT_INIT_RIPAS, rd, IMAGE_IPA, IMAGE_IPA + (long) granules * GRANULE));
        for (int i = 0; i < granules; i++) {
            setup.delegate(DATA + i);
            byte[] copy = Arrays.copyOfRange(image, i * GRANULE, (i + 1) * GRANULE);
            expect(host.dataCreate(RmmHost.writing(host.page(SOURCE), copy), rd, host.page(DATA + i),
                    IMAGE_IPA + (long) i * GRANULE, host.page(SOURCE), 0));
        }
        long rec = setup.rec(rd);
        if (secondRec) {
            setup.secondRec(rd);
        }
        expect(host.call(RmiFunction.RMI_REALM_ACTIVATE, rd));
        RealmChannel channel = new RealmChannel(RealmEndpoints.of(ordinal), host.firmware().normalWorld(), rec,
                host.page(RUN));
        RealmAgent agent = new RealmAgent(host, channel, rd, rec, S2SZ, granules);
        expect(agent.resume(0, 0));
        return agent;
    }

    /**
     * The realm asks for RAM at the page {@code ipa} (RIPAS EMPTY, no data), the host applies the change and the
     * realm sees it accepted: three judged calls. The page is then RAM without data.
     */
    public static void ramWithoutData(RmmHost host, RealmAgent realm, long ipa) {
        expect(realm.rsi(RsiFunction.RSI_IPA_STATE_SET, ipa, ipa + GRANULE, 1, 0));
        expect(host.call(RmiFunction.RMI_RTT_SET_RIPAS, realm.rd(), realm.rec(), ipa, ipa + GRANULE));
        expect(realm.resume(0, 0));
    }

    /** {@link #ramWithoutData}, then the host gives the page free page {@code freePage} as unknown data. */
    public static void ramWithData(RmmHost host, RealmAgent realm, long ipa, int freePage) {
        ramWithoutData(host, realm, ipa);
        long data = free(host, freePage);
        delegate(host, data);
        expect(host.dataCreateUnknown(realm.rd(), data, ipa));
    }

    /** Scratch page {@code index} for a test's own granules, from {@link #FIRST_FREE_PAGE}. */
    public static long free(RmmHost host, int index) {
        return host.page(FIRST_FREE_PAGE + index);
    }

    private void delegate(int page) {
        delegate(host, host.page(page));
    }

    /** Delegates one granule, by range under RMI 2.0. */
    public static void delegate(RmmHost host, long granule) {
        if (host.model().profile().rangeDelegation()) {
            expect(host.call(RmiFunction.RMI_GRANULE_RANGE_DELEGATE, granule, granule + GRANULE));
        } else {
            expect(host.call(RmiFunction.RMI_GRANULE_DELEGATE, granule));
        }
    }

    /** Undelegates one granule, by range under RMI 2.0. */
    public static CallCheck undelegate(RmmHost host, long granule) {
        return host.model().profile().rangeDelegation()
                ? host.call(RmiFunction.RMI_GRANULE_RANGE_UNDELEGATE, granule, granule + GRANULE)
                : host.call(RmiFunction.RMI_GRANULE_UNDELEGATE, granule);
    }

    private void table(int page, int level) {
        delegate(page);
        expect(host.call(RmiFunction.RMI_RTT_CREATE, host.page(RD), host.page(page), IMAGE_IPA, level));
    }

    /**
     * One runnable REC entering at the image, with REC_AUX_COUNT auxiliary granules (RMI 1.0) or the granules its
     * creation asks for (2.0: donated from an address list in the source page).
     */
    private long rec(long rd) {
        delegate(REC);
        int auxCount = AUX_PAGES;
        if (!host.model().profile().recCreateByDonation()) {
            CallCheck count = host.call(RmiFunction.RMI_REC_AUX_COUNT, rd);
            expect(count);
            auxCount = (int) Math.min(AUX_PAGES, ((org.fwcts.harness.agent.Observation.Completed) count.observation())
                    .registers().x(1));
        }
        long[] aux = new long[auxCount];
        for (int i = 0; i < auxCount; i++) {
            delegate(AUX + i);
            aux[i] = host.page(AUX + i);
        }
        byte[] params = RecLifecycle.params(host, 1, 0, IMAGE_IPA, aux);
        expect(RecLifecycle.create(host, rd, host.page(REC), host.page(REC_PARAMS), params, aux, host.page(SOURCE)));
        return host.page(REC);
    }

    /** REC 1, not runnable, MPIDR 1, its auxiliary granules the free pages after it. */
    private void secondRec(long rd) {
        long rec = secondRec(host);
        delegate(host, rec);
        long[] aux = new long[AUX_PAGES];
        for (int i = 0; i < aux.length; i++) {
            aux[i] = free(host, SECOND_REC_PAGE + 1 + i);
            delegate(host, aux[i]);
        }
        byte[] params = RecLifecycle.params(host, 0, 1, IMAGE_IPA, aux);
        expect(RecLifecycle.create(host, rd, rec, host.page(REC_PARAMS), params, aux, host.page(SOURCE)));
    }

    /** The address list page REC operations use once the realm is built (the DATA_CREATE source page). */
    public static long operationList(RmmHost host) {
        return host.page(SOURCE);
    }

    private static void expect(CallCheck check) {
        assertThatCall(check).matchesModel();
    }
}
