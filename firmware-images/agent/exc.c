/*
 * Exception handling, C side, of the normal-world agent. The recovery
 * context is common/exc.c; this file owns the panic report.
 */

#include "exc.h"

#include "proto.h"

uint32_t exc_current_el(void)
{
	uint64_t el;

	__asm__ volatile("mrs %0, CurrentEL" : "=r"(el));

	return (uint32_t)((el >> 2) & 3);
}

/*
 * An exception the agent cannot recover from: one outside a command, an
 * IRQ/FIQ/SError, or one taken on SP_EL0 or from a lower EL. Report it as a
 * checksummed event so the host can tell it from line noise, then stop.
 */
noreturn void exc_panic(uint64_t esr, uint64_t far, uint64_t elr)
{
	struct proto_out out;

	/* End any line that was half sent when the exception hit. */
	proto_send_raw("\r\n", 2);

	proto_out_begin(&out, '!');
	proto_out_str(&out, "panic");
	proto_out_field_hex(&out, esr);
	proto_out_field_hex(&out, far);
	proto_out_field_hex(&out, elr);
	proto_out_end(&out);
	proto_send(&out);

	for (;;) {
		__asm__ volatile("wfe");
	}
}
