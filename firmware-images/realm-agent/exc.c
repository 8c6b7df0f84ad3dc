/*
 * Exception handling, C side, of the realm agent. The recovery context is
 * common/exc.c; this file owns the panic report.
 */

#include "exc.h"

#include "hostcall.h"

/*
 * An exception the agent cannot recover from: one outside a command, an
 * IRQ/FIQ/SError, or one taken on SP_EL0. The realm has no console, so the
 * host learns it from a RESULT with status STOPPED and the syndrome, repeated
 * on every later REC entry: the agent runs no more commands.
 */
noreturn void realm_exc_panic(uint64_t esr, uint64_t far, uint64_t elr)
{
	for (;;) {
		host_call_begin(REALM_KIND_RESULT);
		host_call_block.gprs[2] = REALM_STATUS_STOPPED;
		host_call_block.gprs[3] = esr;
		host_call_block.gprs[4] = far;
		host_call_block.gprs[5] = elr;
		host_call_exchange();
	}
}
