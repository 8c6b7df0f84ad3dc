/*
 * Just enough of a GICv3 for the agent to sleep in WFI until a device
 * interrupt is pending (never taken: PSTATE keeps IRQs masked).
 */

#pragma once

#include "common/types.h"

/*
 * Routes shared peripheral interrupt INTID to this PE as a Group 1
 * interrupt and lets the CPU interface signal it. Returns false, changing
 * nothing, when the PE has no GICv3 system register interface or the
 * distributor is not a GICv3 or v4; false also, leaving the CPU interface
 * alone, when the interrupt stays disabled (the firmware kept it Secure).
 */
bool gic_enable_wakeup(uint32_t intid);

/*
 * Acknowledges and completes the pending Group 1 interrupt, if any: for an
 * interrupt controller that latches a pending state until the PE
 * acknowledges it (Xen's virtual GIC for its virtual UART), which would
 * otherwise end every later WFI at once.
 */
void gic_complete_pending(void);
