package org.fwcts.model.ffa.handler.notification;

import java.util.EnumMap;
import java.util.Map;
import org.fwcts.model.ffa.spmc.AbiGroup;
import org.fwcts.model.ffa.FfaError;
import org.fwcts.model.ffa.FfaFunction;
import org.fwcts.model.ffa.notification.NotificationChoices;
import org.fwcts.model.ffa.notification.NotificationRules;
import org.fwcts.model.ffa.spmc.FfaHandler;
import org.fwcts.model.ffa.handler.notification.NotificationRegisters.Reserved;

/**
 * The FF-A notification functions (v1.1): bitmaps, bindings, signalling and retrieval.
 *
 * <p>Each handler runs behind two checks: that the implementation handles the function at all
 * ({@link NotificationChoices#dispatched()}), and, where it checks them, that reserved registers
 * are zero.
 */
public final class NotificationCalls implements AbiGroup {
    private static final long HIGH_HALF = 0xFFFF_0000L;
    private static final long ALL = -1L;

    @Override
    public Map<FfaFunction, FfaHandler> handlers() {
        Map<FfaFunction, FfaHandler> handlers = new EnumMap<>(FfaFunction.class);
        // OP-TEE's thread_spmc.c checks exactly these registers; Hafnium reads none of them.
        handlers.put(FfaFunction.FFA_NOTIFICATION_BITMAP_CREATE, handled(FfaFunction.FFA_NOTIFICATION_BITMAP_CREATE,
                new Reserved(HIGH_HALF, 0, 3), BitmapHandlers::create));
        handlers.put(FfaFunction.FFA_NOTIFICATION_BITMAP_DESTROY, handled(FfaFunction.FFA_NOTIFICATION_BITMAP_DESTROY,
                new Reserved(HIGH_HALF, 0, 3), BitmapHandlers::destroy));
        handlers.put(FfaFunction.FFA_NOTIFICATION_BIND, handled(FfaFunction.FFA_NOTIFICATION_BIND,
                new Reserved(0, 0, 5), new BindingHandler(true)));
        handlers.put(FfaFunction.FFA_NOTIFICATION_UNBIND, handled(FfaFunction.FFA_NOTIFICATION_UNBIND,
                new Reserved(0, ALL, 5), new BindingHandler(false)));
        handlers.put(FfaFunction.FFA_NOTIFICATION_SET, handled(FfaFunction.FFA_NOTIFICATION_SET,
                Reserved.NONE, new SetHandler()));
        handlers.put(FfaFunction.FFA_NOTIFICATION_GET, handled(FfaFunction.FFA_NOTIFICATION_GET,
                new Reserved(0, 0, 5), new GetHandler()));
        handlers.put(FfaFunction.FFA_NOTIFICATION_INFO_GET, handled(FfaFunction.FFA_NOTIFICATION_INFO_GET,
                new Reserved(ALL, ALL, 3), new InfoGetHandler()));
        return handlers;
    }

    private static FfaHandler handled(FfaFunction function, Reserved reserved, FfaHandler handler) {
        return context -> {
            NotificationChoices choices = context.profile().notifications();
            if (!choices.dispatched().contains(function)) {
                return context.error(FfaError.NOT_SUPPORTED, NotificationRules.NOT_HANDLED,
                        context.profile().name() + " does not handle " + function);
            }
            if (choices.rejectsNonZeroReserved() && reserved.violatedBy(context.call())) {
                return context.error(FfaError.INVALID_PARAMETERS, NotificationRules.RESERVED_MBZ,
                        function + " with a reserved register not zero");
            }
            return handler.handle(context);
        };
    }
}
