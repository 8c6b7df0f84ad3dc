/*
 * Exception handling, C side, of the SP agent. The recovery context is
 * common/exc.c; this file owns the panic report.
 */

#include "exc.h"

#include "uart.h"

/*
 * An exception the agent cannot recover from: one outside a command, an
 * IRQ/FIQ/SError, or one taken on SP_EL0 or from a lower EL. The partition
 * cannot answer through FF-A any more, so it says why on the console (a
 * plain line, which the harness logs) and stops. Its requester then sees the
 * SPMC's behaviour for a partition that never responds.
 */
noreturn void sp_exc_panic(uint64_t esr, uint64_t far, uint64_t elr)
{
	sp_uart_puts("\r\nfwcts-sp-agent: panic esr=");
	sp_uart_put_hex(esr);
	sp_uart_puts(" far=");
	sp_uart_put_hex(far);
	sp_uart_puts(" elr=");
	sp_uart_put_hex(elr);
	sp_uart_puts("\r\n");

	for (;;) {
		__asm__ volatile("wfe");
	}
}
