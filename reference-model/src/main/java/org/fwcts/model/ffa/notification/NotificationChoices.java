package org.fwcts.model.ffa.notification;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;

/**
 * Implementation choices for notifications (DEN0077A, "Notifications"), where Hafnium (src/api.c, src/ffa/spmc/notifications.c, src/vm.c) and OP-TEE
 * (core/arch/arm/kernel/thread_spmc.c) answer the same call differently.
 *
 * <p>No profile supports per-vCPU notifications (FF-A v1.3 makes them optional; Hafnium reports
 * them unsupported, OP-TEE handles "only global notifications"), so the model has none: a request
 * for one is refused as the fields below say.
 *
 * @param dispatched the notification functions the SPMC's dispatcher handles; any other is
 *     FFA_ERROR(NOT_SUPPORTED), even where FFA_FEATURES reports it
 * @param vmBitmaps which normal-world IDs can have a bitmap
 * @param rejectsNonZeroReserved true when non-zero reserved registers (w1[31:16] and x3–x7 of
 *     BITMAP_CREATE/DESTROY, x5–x7 of BIND/GET, w2 and x5–x7 of UNBIND, x1–x7 of INFO_GET) are
 *     INVALID_PARAMETERS; false when they are ignored
 * @param bindFlagsError the error for FFA_NOTIFICATION_BIND with w2 non-zero (bit 0 asks for
 *     per-vCPU notifications, the other bits are reserved)
 * @param rejectsEmptyBitmap true when BIND, UNBIND and SET of no notification ID are
 *     INVALID_PARAMETERS; false when they succeed and change nothing
 * @param bindings what the SPMC records of a binding
 * @param bindWithoutBitmap the error for BIND to a receiver whose notifications are not enabled
 *     (a VM whose bitmap was not created); empty when the binding is made anyway
 * @param destroyWithoutBitmap the error for BITMAP_DESTROY of a bitmap that was not created;
 *     empty when it succeeds
 * @param destroyRefusesBindings true when BITMAP_DESTROY of a bitmap with bindings is DENIED;
 *     false when the bindings are discarded with it
 * @param getBitmaps which bitmaps FFA_NOTIFICATION_GET reads and returns
 * @param checksGetVcpuId true when GET with a vCPU ID (w1[31:16]) not below the receiver's vCPU
 *     count is INVALID_PARAMETERS; false when the ID is ignored
 * @param getForVmWithoutBitmap the error for GET for a VM without a bitmap; empty when the
 *     implementation gives no answer at all
 * @param infoGetReporting how long INFO_GET keeps listing a receiver
 */
public record NotificationChoices(
        Set<FfaFunction> dispatched,
        VmBitmaps vmBitmaps,
        boolean rejectsNonZeroReserved,
        FfaError bindFlagsError,
        boolean rejectsEmptyBitmap,
        Bindings bindings,
        Optional<FfaError> bindWithoutBitmap,
        Optional<FfaError> destroyWithoutBitmap,
        boolean destroyRefusesBindings,
        GetBitmaps getBitmaps,
        boolean checksGetVcpuId,
        Optional<FfaError> getForVmWithoutBitmap,
        InfoGetReporting infoGetReporting) {

    /** Every notification function of FF-A v1.1. */
    public static final Set<FfaFunction> ALL = Set.copyOf(EnumSet.range(
            FfaFunction.FFA_NOTIFICATION_BITMAP_CREATE, FfaFunction.FFA_NOTIFICATION_INFO_GET));

    /**
     * An SPMC without notifications: every notification call is NOT_SUPPORTED (TF-A's EL3 SPMC,
     * whose spmc_smc_handler has no case for them). The other fields are never consulted.
     */
    public static final NotificationChoices NOT_IMPLEMENTED = builder()
            .dispatched(Set.of())
            .vmBitmaps(VmBitmaps.VM_ZERO_ONLY)
            .rejectsNonZeroReserved(false)
            .bindFlagsError(FfaError.NOT_SUPPORTED)
            .rejectsEmptyBitmap(true)
            .bindings(Bindings.PER_SENDER)
            .bindWithoutBitmap(Optional.of(FfaError.NOT_SUPPORTED))
            .destroyWithoutBitmap(Optional.of(FfaError.DENIED))
            .destroyRefusesBindings(false)
            .getBitmaps(GetBitmaps.ALL_CHECKED)
            .checksGetVcpuId(true)
            .getForVmWithoutBitmap(Optional.of(FfaError.INVALID_PARAMETERS))
            .infoGetReporting(InfoGetReporting.WHILE_PENDING)
            .build();

    public NotificationChoices {
        dispatched = Set.copyOf(dispatched);
    }

    /** True when the SPMC can keep a bitmap for normal-world endpoint {@code vm}. */
    public boolean keepsBitmapFor(EndpointId vm) {
        return !vm.isSecure() && (vmBitmaps == VmBitmaps.ANY_VM || vm.equals(EndpointId.HYPERVISOR));
    }

    /** Which normal-world endpoints the SPMC keeps notification bitmaps for. */
    public enum VmBitmaps {
        /** Any normal-world ID (bit 15 clear), each created by BITMAP_CREATE (Hafnium). */
        ANY_VM,
        /** Only ID 0, the OS kernel without a hypervisor; any other ID is INVALID_PARAMETERS (OP-TEE). */
        VM_ZERO_ONLY
    }

    /** What the SPMC records when a receiver binds notification IDs. */
    public enum Bindings {
        /**
         * The sender of each ID, separately for partition and VM senders: BIND checks the sender
         * and that the IDs are free among that world's bindings, UNBIND and SET that they are bound
         * to that sender (Hafnium).
         */
        PER_SENDER,
        /**
         * Only which IDs are bound, whoever the sender: w1[31:16] is not read, BIND refuses IDs
         * already bound, UNBIND clears any binding (OP-TEE).
         */
        RECEIVER_WIDE
    }

    /** What FFA_NOTIFICATION_GET reads of w2 and returns. */
    public enum GetBitmaps {
        /**
         * w2[31:4] must be zero; the SP (w2/w3), VM (w4/w5) and framework (w6/w7) bitmaps are
         * returned as asked, and a VM receiver may ask the SPMC only for the SP and SPM-framework
         * bitmaps (Hafnium).
         */
        ALL_CHECKED,
        /** Only bit 0 is read: the SP bitmap is returned in w2/w3, w4–w7 are zero (OP-TEE). */
        SP_ONLY
    }

    /** How INFO_GET treats a receiver it already listed. */
    public enum InfoGetReporting {
        /** Each pending notification is listed once, until the receiver gets it (Hafnium). */
        ONCE_UNTIL_RETRIEVED,
        /** A receiver is listed by every INFO_GET while it has notifications pending (OP-TEE). */
        WHILE_PENDING
    }

    /** A builder holding these choices, to change some of them by name. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder with every choice unset; {@link Builder#build()} names any left unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets the choices by name; each setter is the component of the same name. */
    public static final class Builder {
        private Set<FfaFunction> dispatched;
        private VmBitmaps vmBitmaps;
        private Boolean rejectsNonZeroReserved;
        private FfaError bindFlagsError;
        private Boolean rejectsEmptyBitmap;
        private Bindings bindings;
        private Optional<FfaError> bindWithoutBitmap;
        private Optional<FfaError> destroyWithoutBitmap;
        private Boolean destroyRefusesBindings;
        private GetBitmaps getBitmaps;
        private Boolean checksGetVcpuId;
        private Optional<FfaError> getForVmWithoutBitmap;
        private InfoGetReporting infoGetReporting;

        private Builder() {
        }

        private Builder(NotificationChoices from) {
            dispatched = from.dispatched;
            vmBitmaps = from.vmBitmaps;
            rejectsNonZeroReserved = from.rejectsNonZeroReserved;
            bindFlagsError = from.bindFlagsError;
            rejectsEmptyBitmap = from.rejectsEmptyBitmap;
            bindings = from.bindings;
            bindWithoutBitmap = from.bindWithoutBitmap;
            destroyWithoutBitmap = from.destroyWithoutBitmap;
            destroyRefusesBindings = from.destroyRefusesBindings;
            getBitmaps = from.getBitmaps;
            checksGetVcpuId = from.checksGetVcpuId;
            getForVmWithoutBitmap = from.getForVmWithoutBitmap;
            infoGetReporting = from.infoGetReporting;
        }

        public Builder dispatched(Set<FfaFunction> value) {
            dispatched = value;
            return this;
        }

        public Builder vmBitmaps(VmBitmaps value) {
            vmBitmaps = value;
            return this;
        }

        public Builder rejectsNonZeroReserved(boolean value) {
            rejectsNonZeroReserved = value;
            return this;
        }

        public Builder bindFlagsError(FfaError value) {
            bindFlagsError = value;
            return this;
        }

        public Builder rejectsEmptyBitmap(boolean value) {
            rejectsEmptyBitmap = value;
            return this;
        }

        public Builder bindings(Bindings value) {
            bindings = value;
            return this;
        }

        public Builder bindWithoutBitmap(Optional<FfaError> value) {
            bindWithoutBitmap = value;
            return this;
        }

        public Builder destroyWithoutBitmap(Optional<FfaError> value) {
            destroyWithoutBitmap = value;
            return this;
        }

        public Builder destroyRefusesBindings(boolean value) {
            destroyRefusesBindings = value;
            return this;
        }

        public Builder getBitmaps(GetBitmaps value) {
            getBitmaps = value;
            return this;
        }

        public Builder checksGetVcpuId(boolean value) {
            checksGetVcpuId = value;
            return this;
        }

        public Builder getForVmWithoutBitmap(Optional<FfaError> value) {
            getForVmWithoutBitmap = value;
            return this;
        }

        public Builder infoGetReporting(InfoGetReporting value) {
            infoGetReporting = value;
            return this;
        }

        /** The choices; fails naming the first one not set. */
        public NotificationChoices build() {
            return new NotificationChoices(set(dispatched, "dispatched"),
                    set(vmBitmaps, "vmBitmaps"),
                    set(rejectsNonZeroReserved, "rejectsNonZeroReserved"),
                    set(bindFlagsError, "bindFlagsError"),
                    set(rejectsEmptyBitmap, "rejectsEmptyBitmap"),
                    set(bindings, "bindings"),
                    set(bindWithoutBitmap, "bindWithoutBitmap"),
                    set(destroyWithoutBitmap, "destroyWithoutBitmap"),
                    set(destroyRefusesBindings, "destroyRefusesBindings"),
                    set(getBitmaps, "getBitmaps"),
                    set(checksGetVcpuId, "checksGetVcpuId"),
                    set(getForVmWithoutBitmap, "getForVmWithoutBitmap"),
                    set(infoGetReporting, "infoGetReporting"));
        }

        private static <T> T set(T value, String component) {
            if (value == null) {
                throw new IllegalStateException("NotificationChoices." + component + " is not set");
            }
            return value;
        }
    }
}
