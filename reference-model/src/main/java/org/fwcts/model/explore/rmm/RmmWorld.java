package org.fwcts.model.explore.rmm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwcts.model.explore.ExploreContext;
import org.fwcts.model.rmm.Realm;
import org.fwcts.model.rmm.Rec;
import org.fwcts.model.rmm.RmmProfile;
import org.fwcts.model.rmm.RmmState;

/**
 * The RMM as explore's generators see it: the model's RMM state of the current boot and where
 * every granule an action names lives. Granules are named by role in a realm slot
 * ({@code a.rd}, {@code agent.rec}, {@code a.data:2}) or in the free pool ({@code pool:3}), realms
 * by slot ({@code agent}, {@code a}, {@code b}): the same name is the same scratch page on every
 * boot, so a shrunk sequence and a scenario replay anywhere.
 *
 * <p>Scratch pages: 2 realm parameters, 3 REC parameters, 4 the agent REC's run structure, 5 the
 * data source, 6 the address list of REC operations; the agent realm from 8 (RD, root RTT, level-2
 * and level-3 RTTs, REC, 16 auxiliary granules, 16 image granules, one RAM page for tokens), realm
 * slots {@code a} from 48 and {@code b} from 80 (RD, root, level 2, level 3, REC, 16 auxiliary, 4
 * data), the pool from 112 (8 pages).
 */
public final class RmmWorld implements ExploreContext.Part {
    public static final long GRANULE = 4096;
    /** Every realm here: a 39-bit IPA space, one level-1 root RTT, its memory at 1 GiB. */
    public static final int S2SZ = 39;
    public static final long BASE_IPA = 0x4000_0000L;
    public static final int AUX = 16;
    public static final int IMAGE_GRANULES = 16;
    public static final int SLOT_DATA = 4;
    public static final int POOL = 8;
    static final int PARAMS = 2;
    static final int REC_PARAMS = 3;
    static final int RUN = 4;
    static final int SOURCE = 5;
    static final int LIST = 6;
    /** The realm slots: the agent's, built whole by one action, and two built call by call. */
    public static final String AGENT = "agent";
    static final String[] SLOTS = {AGENT, "a", "b"};
    private static final int[] SLOT_PAGE = {8, 48, 80};
    private static final int POOL_PAGE = 112;

    private final RmmProfile profile;
    private final long scratchBase;
    private final byte[] image;
    private RmmState state;

    /** @param image the realm agent's image, whole granules (at most {@value #IMAGE_GRANULES}) */
    public RmmWorld(RmmProfile profile, long scratchBase, byte[] image) {
        if (image.length == 0 || image.length % GRANULE != 0 || image.length > IMAGE_GRANULES * GRANULE) {
            throw new IllegalArgumentException("the realm agent image is " + image.length + " bytes: 1 to "
                    + IMAGE_GRANULES + " whole granules");
        }
        this.profile = profile;
        this.scratchBase = scratchBase;
        this.image = image.clone();
        this.state = RmmState.freshBoot(profile);
    }

    /** The world explore keeps in {@code context}, if the RMM executor attached one. */
    public static Optional<RmmWorld> of(ExploreContext context) {
        return context.part(RmmWorld.class);
    }

    @Override
    public void freshBoot() {
        state = RmmState.freshBoot(profile);
    }

    /** Follows the model after a step. */
    public void advance(RmmState next) {
        state = next;
    }

    /** Granule {@code index} of the realm agent's image. */
    byte[] imageGranule(int index) {
        return java.util.Arrays.copyOfRange(image, (int) (index * GRANULE), (int) ((index + 1) * GRANULE));
    }

    int imageGranules() {
        return (int) (image.length / GRANULE);
    }

    public RmmState state() {
        return state;
    }

    public RmmProfile profile() {
        return profile;
    }

    public boolean rmi2() {
        return profile.rmiVersion().major() >= 2;
    }

    public long page(int index) {
        return scratchBase + index * GRANULE;
    }

    /** The address of granule {@code name}: {@code SLOT.ROLE[:N]} or {@code pool:N}. */
    public long granule(String name) {
        String[] parts = name.split("[.:]");
        try {
            if (parts[0].equals("pool")) {
                return page(POOL_PAGE + Integer.parseInt(parts[1]) % POOL);
            }
            int base = SLOT_PAGE[slotIndex(parts[0])];
            int n = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
            return switch (parts[1]) {
                case "rd" -> page(base);
                case "root" -> page(base + 1);
                case "l2" -> page(base + 2);
                case "l3" -> page(base + 3);
                case "rec" -> page(base + 4);
                case "aux" -> page(base + 5 + n % AUX);
                case "data" -> page(base + 5 + AUX + n % (parts[0].equals(AGENT) ? IMAGE_GRANULES + 1 : SLOT_DATA));
                default -> throw new IllegalArgumentException("granule: '" + name + "' has no role " + parts[1]);
            };
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("granule: '" + name + "' is not SLOT.ROLE[:N] or pool:N", e);
        }
    }

    static int slotIndex(String slot) {
        for (int i = 0; i < SLOTS.length; i++) {
            if (SLOTS[i].equals(slot)) {
                return i;
            }
        }
        throw new IllegalArgumentException("realm: '" + slot + "' is not one of agent, a, b");
    }

    /** The RD of realm slot {@code slot}. */
    public long rd(String slot) {
        return granule(slot + ".rd");
    }

    public Optional<Realm> realm(String slot) {
        return state.realm(rd(slot));
    }

    /** The generated realms' slots (not the agent's) whose realm exists now, in slot order. */
    List<String> slotsWithRealms() {
        List<String> slots = new ArrayList<>(RealmArea.SLOTS.length);
        for (String slot : RealmArea.SLOTS) {
            if (realm(slot).isPresent()) {
                slots.add(slot);
            }
        }
        return slots;
    }

    public Optional<Rec> rec(String slot) {
        return state.rec(granule(slot + ".rec"));
    }

    /** The agent's REC, when the agent realm runs and can take a command or a resumption. */
    public Optional<Rec> agentRec() {
        return realm(AGENT).filter(r -> r.lifecycle() == Realm.Lifecycle.ACTIVE).flatMap(r -> rec(AGENT));
    }

    public long unprotected(long ipa) {
        return ipa | 1L << (S2SZ - 1);
    }

    /** The IPA of the agent's token page, after its image. */
    public static long tokenIpa() {
        return BASE_IPA + IMAGE_GRANULES * GRANULE;
    }

    long paramsPage() {
        return page(PARAMS);
    }

    long recParamsPage() {
        return page(REC_PARAMS);
    }

    long runPage() {
        return page(RUN);
    }

    long sourcePage() {
        return page(SOURCE);
    }

    long listPage() {
        return page(LIST);
    }

    /** The host assigns VMIDs under RMI 1.0: one per slot. */
    static int vmid(String slot) {
        return slotIndex(slot) + 1;
    }
}
