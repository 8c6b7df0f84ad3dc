package org.fwcts.model.ffa.handler.notification;

import java.util.Optional;
import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.notification.NotificationBitmaps;
import org.fwcts.model.ffa.notification.NotificationChoices;
import org.fwcts.model.ffa.notification.NotificationRules;
import org.fwcts.model.ffa.notification.NotificationState;
import org.fwcts.model.ffa.notification.ReceiverNotifications;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.spmc.FfaOutcome;

/**
 * FFA_NOTIFICATION_BITMAP_CREATE and FFA_NOTIFICATION_BITMAP_DESTROY: the hypervisor (or the OS
 * kernel) asks the SPMC to keep, or drop, a VM's notification state (DEN0077A, "Notifications").
 */
final class BitmapHandlers {

    private BitmapHandlers() {
    }

    /** w1[15:0] = VM ID, w2 = its vCPU count. */
    static FfaOutcome create(FfaContext context) {
        Optional<FfaOutcome> refused = refuseCallerOrVm(context);
        if (refused.isPresent()) {
            return refused.get();
        }
        EndpointId vm = NotificationRegisters.receiver(context.call());
        NotificationState state = context.state().notifications();
        Optional<ReceiverNotifications> existing = state.receiver(vm);
        if (existing.isPresent() && existing.get().enabled()) {
            return context.error(FfaError.DENIED, NotificationRules.BITMAP_CREATE, vm + " already has a bitmap");
        }
        // VM 0 runs on every PE; its vCPU count is the system's, not the one passed (Hafnium
        // ffa_notifications_bitmap_create only enables the other-world VM).
        int vcpus = vm.equals(EndpointId.HYPERVISOR) ? ReceiverNotifications.VCPU_COUNT_UNKNOWN : context.call().w(2);
        ReceiverNotifications created = existing.orElse(ReceiverNotifications.of(false, vcpus))
                .withEnabled(true, vcpus);
        return context.outcome(context.results().success(NotificationRules.BITMAP_CREATE),
                "FFA_NOTIFICATION_BITMAP_CREATE for " + vm,
                context.state().withNotifications(state.with(vm, created)));
    }

    /** w1[15:0] = VM ID. */
    static FfaOutcome destroy(FfaContext context) {
        Optional<FfaOutcome> refused = refuseCallerOrVm(context);
        if (refused.isPresent()) {
            return refused.get();
        }
        NotificationChoices choices = context.profile().notifications();
        EndpointId vm = NotificationRegisters.receiver(context.call());
        NotificationState state = context.state().notifications();
        Optional<ReceiverNotifications> existing = state.receiver(vm);
        if (existing.isEmpty() || !existing.get().enabled()) {
            if (choices.destroyWithoutBitmap().isPresent()) {
                return context.error(choices.destroyWithoutBitmap().get(), NotificationRules.BITMAP_DESTROY_ABSENT,
                        vm + " has no bitmap to destroy");
            }
        }
        if (existing.isPresent()) {
            ReceiverNotifications receiver = existing.get();
            NotificationBitmaps pending = receiver.pending();
            if ((pending.fromSp() | pending.fromVm()) != 0) {
                return context.error(FfaError.DENIED, NotificationRules.BITMAP_DESTROY_IN_USE,
                        vm + " has notifications pending");
            }
            if (choices.destroyRefusesBindings() && !receiver.bindings().isEmpty()) {
                return context.error(FfaError.DENIED, NotificationRules.BITMAP_DESTROY_IN_USE,
                        vm + " still has bindings");
            }
        }
        NotificationState next = vm.equals(EndpointId.HYPERVISOR)
                ? state.with(vm, ReceiverNotifications.of(false, ReceiverNotifications.VCPU_COUNT_UNKNOWN))
                : state.withoutVm(vm);
        return context.outcome(context.results().success(NotificationRules.BITMAP_DESTROY),
                "FFA_NOTIFICATION_BITMAP_DESTROY for " + vm, context.state().withNotifications(next));
    }

    private static Optional<FfaOutcome> refuseCallerOrVm(FfaContext context) {
        if (!context.caller().equals(EndpointId.HYPERVISOR)) {
            return Optional.of(context.error(FfaError.NOT_SUPPORTED, NotificationRules.BITMAP_CALLER,
                    context.caller() + " is not the hypervisor"));
        }
        EndpointId vm = NotificationRegisters.receiver(context.call());
        if (!context.profile().notifications().keepsBitmapFor(vm)) {
            return Optional.of(context.error(FfaError.INVALID_PARAMETERS, NotificationRules.BITMAP_VM_ID,
                    context.profile().name() + " keeps no bitmap for " + vm));
        }
        return Optional.empty();
    }
}
