package org.fwcts.model.profile;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.fwcts.model.SpecVersion;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.spmc.FfaSystem;
import org.fwcts.model.ffa.Topology;
import org.fwcts.model.smccc.FunctionId;
import org.fwcts.model.smccc.OwningEntity;

/**
 * Applies field overrides written as text (from a target descriptor) to a profile.
 *
 * <p>Version fields take {@code MAJOR.MINOR}; optional ones also take {@code none}. Keys
 * {@code archFeature.<function ID>}, e.g. {@code archFeature.0x80007fff: "-2"}, set the answer of
 * SMCCC_ARCH_FEATURES for one Arm Architecture Call: an integer (decimal, or hex with {@code 0x}), or
 * {@code none} for NOT_SUPPORTED. The workaround answers depend on the CPU and build options, so a
 * target often needs these. For a profile with a hypervisor's FF-A mediator, {@code vms} lists the
 * guests as {@code ENDPOINT:VCPUS} ({@code ENDPOINT:VCPUS:detached} for one without the mediator),
 * comma-separated, and {@code vmToVm} ({@code true} or {@code false}) says whether the build lists
 * VMs to each other. For a profile with Xen's OP-TEE mediator, {@code vms} lists its guests the same
 * way (ENDPOINT is the client ID, domain ID + 1), {@code opteeThreads} is OP-TEE's CFG_NUM_THREADS,
 * {@code opteeOsRevision} its {@code MAJOR.MINOR} and {@code opteeCapabilities} what it answers
 * EXCHANGE_CAPABILITIES with before Xen filters it.
 */
public final class ProfileOverrides {
    /** The prefix of the per-function SMCCC_ARCH_FEATURES keys. */
    public static final String ARCH_FEATURE = "archFeature.";
    /** The prefix of the RMI_FEATURES register keys: {@code rmmFeatureRegister0}, {@code rmmFeatureRegister1}, ... */
    public static final String RMM_FEATURE_REGISTER = "rmmFeatureRegister";

    private static final Map<String, BiFunction<Profile, String, Profile>> FIELDS = Map.of(
            "smcccVersion", (p, v) -> p.withSmcccVersion(optionalVersion(v)),
            "psciVersion", (p, v) -> p.withPsciVersion(SpecVersion.parse(v)),
            "ffaVersion", (p, v) -> p.withFfaVersion(optionalVersion(v)),
            "enforcedEndpoints", ProfileOverrides::enforcedEndpoints,
            "vms", (p, v) -> p.optee().isPresent() ? XenOpteeProfiles.withVms(p, XenProfiles.parseVms(v))
                    : XenProfiles.withMediator(p, mediatorOf(p).withVms(XenProfiles.parseVms(v))),
            "vmToVm", ProfileOverrides::vmToVm,
            "opteeThreads", XenOpteeProfiles::withThreads,
            "opteeOsRevision", XenOpteeProfiles::withOsRevision,
            "opteeCapabilities", XenOpteeProfiles::withCapabilities);

    private ProfileOverrides() {
    }

    private static org.fwcts.model.mediator.MediatorSetup mediatorOf(Profile profile) {
        return profile.mediator().orElseThrow(() ->
                new IllegalArgumentException("profile " + profile.name() + " has no FF-A mediator"));
    }

    /** VM-to-VM listing of the FF-A mediator; the OP-TEE mediator has none, so there only "false" is valid. */
    private static Profile vmToVm(Profile profile, String value) {
        if (profile.optee().isPresent() && profile.mediator().isEmpty()) {
            if (bool(value)) {
                throw new IllegalArgumentException("Xen's OP-TEE mediator lists no VMs to each other");
            }
            return profile;
        }
        return XenProfiles.withMediator(profile, mediatorOf(profile).withVmToVm(bool(value)));
    }

    private static boolean bool(String text) {
        return switch (text.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        };
    }

    /** The names that may be overridden; {@code archFeature.<function ID>} stands for the keyed family. */
    public static Set<String> fields() {
        Set<String> names = new TreeSet<>(FIELDS.keySet());
        names.add(ARCH_FEATURE + "<function ID>");
        names.add(RMM_FEATURE_REGISTER + "<index>");
        return names;
    }

    /**
     * Returns {@code base} with each override applied, named {@code base.name() + "+overrides"}.
     *
     * @throws IllegalArgumentException naming the field when a key or value is not valid
     */
    public static Profile apply(Profile base, Map<String, String> overrides) {
        Profile result = base;
        for (Map.Entry<String, String> entry : overrides.entrySet()) {
            String key = entry.getKey();
            BiFunction<Profile, String, Profile> setter = FIELDS.get(key);
            if (key.startsWith(ARCH_FEATURE)) {
                setter = (p, v) -> archFeature(p, key.substring(ARCH_FEATURE.length()), v);
            } else if (key.matches(RMM_FEATURE_REGISTER + "[0-9]")) {
                setter = (p, v) -> rmmFeatureRegister(p, key.charAt(key.length() - 1) - '0', v);
            }
            if (setter == null) {
                throw new IllegalArgumentException("unknown profile field '" + key + "' (known: " + fields() + ")");
            }
            try {
                result = setter.apply(result, entry.getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
            }
        }
        return overrides.isEmpty() ? result : result.withName(base.name() + "+overrides");
    }

    /** SMCCC_ARCH_FEATURES({@code function}) answers {@code text}: an integer, or {@code none} for NOT_SUPPORTED. */
    private static Profile archFeature(Profile profile, String function, String text) {
        FunctionId id = archFunction(function);
        String value = text.trim();
        if ("none".equals(value)) {
            return profile.withArchFeature(id.value(), Optional.empty());
        }
        return profile.withArchFeature(id.value(), Optional.of(answer(value)));
    }

    /** A fast-call ID of the Arm Architecture range, written in hex with 0x, e.g. 0x80007fff. */
    private static FunctionId archFunction(String text) {
        String hex = text.trim();
        if (!hex.matches("0[xX][0-9a-fA-F]{1,8}")) {
            throw new IllegalArgumentException("'" + text + "' is not a function ID: write it in hex, e.g. "
                    + ARCH_FEATURE + "0x80007fff");
        }
        FunctionId id = new FunctionId(Integer.parseUnsignedInt(hex.substring(2), 16));
        if (!id.isFast() || id.owner() != OwningEntity.ARM_ARCHITECTURE) {
            throw new IllegalArgumentException(id + " is not an Arm Architecture Call (fast call, owning entity 0):"
                    + " SMCCC_ARCH_FEATURES answers only for those");
        }
        return id;
    }

    /** A 32-bit answer: decimal ({@code -2}) or hex ({@code 0xfffffffe}), as w0 carries it. */
    private static int answer(String text) {
        long value;
        try {
            value = Long.decode(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an answer: write an integer such as 0, 1 or -2,"
                    + " or none for NOT_SUPPORTED", e);
        }
        if (value < Integer.MIN_VALUE || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("'" + text + "' does not fit in w0 (32 bits)");
        }
        return (int) value;
    }

    /**
     * The FF-A endpoints whose memory access hardware enforces, as comma-separated hex IDs
     * ({@code 0x0000,0x8001}) or {@code none}.
     */
    private static Profile enforcedEndpoints(Profile profile, String text) {
        FfaSystem system = profile.ffa().orElseThrow(() ->
                new IllegalArgumentException("profile " + profile.name() + " has no FF-A system"));
        Set<EndpointId> ids = new TreeSet<>();
        if (!"none".equals(text.trim())) {
            for (String part : text.split(",")) {
                String id = part.trim().replaceFirst("^0[xX]", "");
                try {
                    ids.add(EndpointId.of(Integer.parseInt(id, 16)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + part.trim() + "' is not a 16-bit endpoint ID", e);
                }
            }
        }
        Topology topology = system.topology();
        Topology enforced = new Topology(topology.normalWorld(), topology.partitions(), topology.ownedMemory(), ids);
        return profile.withFfa(Optional.of(new FfaSystem(system.spmc(), enforced)));
    }

    private static Optional<SpecVersion> optionalVersion(String text) {
        return "none".equals(text.trim()) ? Optional.empty() : Optional.of(SpecVersion.parse(text));
    }

    /**
     * RMI_FEATURES register {@code index} of the profile's RMM, in hex: it depends on the CPU and the
     * platform as much as on the RMM's own choices, so a target states what its platform gives.
     */
    private static Profile rmmFeatureRegister(Profile profile, int index, String text) {
        org.fwcts.model.rmm.RmmProfile rmm = profile.rmm().orElseThrow(() ->
                new IllegalArgumentException("profile " + profile.name() + " has no RMM"));
        String hex = text.trim();
        if (!hex.matches("0[xX][0-9a-fA-F]{1,16}")) {
            throw new IllegalArgumentException("'" + text + "' is not a register value: write it in hex, e.g. 0x317f34");
        }
        long value = Long.parseUnsignedLong(hex.substring(2), 16);
        return profile.toBuilder().rmm(java.util.Optional.of(rmm.withFeatureRegister(index, value))).build();
    }
}
