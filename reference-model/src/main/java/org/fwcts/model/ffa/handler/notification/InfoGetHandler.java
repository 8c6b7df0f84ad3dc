package org.fwcts.model.ffa.handler.notification;

import org.fwcts.model.ffa.EndpointId;
import org.fwcts.model.ffa.notification.NotificationChoices;
import org.fwcts.model.ffa.notification.NotificationRules;
import org.fwcts.model.ffa.notification.NotificationState;
import org.fwcts.model.ffa.notification.ReceiverNotifications;
import org.fwcts.model.ffa.spmc.FfaContext;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.spmc.FfaOutcome;
import org.fwcts.model.ffa.FfaResults;

/**
 * FFA_NOTIFICATION_INFO_GET (SMC32 and SMC64): tells the normal-world scheduler which receivers
 * have notifications pending, so it can give them CPU cycles (DEN0077A, "Notifications").
 *
 * <p>Receivers are listed in the order Hafnium visits them (api_ffa_notification_info_get):
 * partitions, then VM 0, then VMs by bitmap slot. With global notifications only, each list is
 * one receiver ID.
 */
final class InfoGetHandler implements FfaHandler {
    private static final int FIRST_ID_REGISTER = 3;
    private static final int ID_REGISTERS = 5;
    private static final int LIST_COUNT_SHIFT = 7;
    private static final long MORE_PENDING = 1;

    @Override
    public FfaOutcome handle(FfaContext context) {
        if (!context.caller().equals(EndpointId.HYPERVISOR)) {
            return context.error(FfaError.NOT_SUPPORTED, NotificationRules.INFO_GET_CALLER,
                    context.caller() + " is not the normal-world scheduler");
        }
        boolean onlyOnce = context.profile().notifications().infoGetReporting()
                == NotificationChoices.InfoGetReporting.ONCE_UNTIL_RETRIEVED;
        int idsPerRegister = context.smc64() ? 4 : 2;
        int capacity = idsPerRegister * ID_REGISTERS;
        long[] idRegisters = new long[ID_REGISTERS];
        int listed = 0;
        boolean more = false;
        NotificationState state = context.state().notifications();
        NotificationState next = state;
        for (EndpointId id : state.listingOrder(context.topology())) {
            ReceiverNotifications receiver = state.receiver(id).orElse(null);
            if (receiver == null || !(onlyOnce ? receiver.unreported() : receiver.pending()).any()) {
                continue;
            }
            if (listed == capacity) {
                more = true;
                continue;
            }
            idRegisters[listed / idsPerRegister] |= (long) id.value() << (16 * (listed % idsPerRegister));
            listed++;
            if (onlyOnce) {
                next = next.with(id, receiver.withReported(receiver.pending()));
            }
        }
        if (listed == 0) {
            return context.error(FfaError.NO_DATA, NotificationRules.INFO_GET_NO_DATA, "no notification pending");
        }
        // Each list holds one ID, so every list-size field (IDs - 1) stays zero.
        long lists = (more ? MORE_PENDING : 0) | ((long) listed << LIST_COUNT_SHIFT);
        FfaResults results = context.smc64() ? context.results().success64(NotificationRules.INFO_GET)
                : context.results().success(NotificationRules.INFO_GET);
        results.value(1, 0, NotificationRules.INFO_GET).value(2, lists, NotificationRules.INFO_GET);
        for (int i = 0; i < ID_REGISTERS; i++) {
            results.value(FIRST_ID_REGISTER + i, idRegisters[i], NotificationRules.INFO_GET_IDS);
        }
        return context.outcome(results, "FFA_NOTIFICATION_INFO_GET lists " + listed + " receiver(s)"
                + (more ? ", more pending" : ""), context.state().withNotifications(next));
    }
}
