/*
 * FWCTS secure-partition agent: initialisation and the message loop.
 *
 * The partition learns its endpoint ID, says so on the console, and then
 * lives inside FF-A calls: FFA_MSG_WAIT to end initialisation, then one
 * FFA_MSG_SEND_DIRECT_RESP per direct request, each of which returns with
 * the next request (DEN0077A v1.2, the partition runtime model).
 */

#include "cmd.h"
#include "uart.h"

noreturn void sp_main(void);

/*
 * Entries in a row that are not direct requests (an FFA_ERROR answering the
 * agent's own response or FFA_MSG_WAIT, say) before the agent gives up
 * rather than call the SPMC forever.
 */
#define SP_MAIN_UNEXPECTED_MAX 16

/* Static: the block is live across every world switch. */
static struct regs_block sp_main_regs;

/* FFA_ID_GET at boot; 0 if that failed (no SP has ID 0). */
static uint16_t sp_main_id;

static void sp_main_init(void)
{
	regs_init(&sp_main_regs, SP_FFA_ID_GET);
	sp_ffa_smc(&sp_main_regs);
	if (sp_main_regs.x[0] == SP_FFA_SUCCESS_32) {
		sp_main_id = (uint16_t)sp_main_regs.x[2];
	}

	sp_uart_puts("fwcts-sp-agent 2.0: agent=partition ep=");
	sp_uart_put_hex(sp_main_id);
	sp_uart_puts(" el=1, waiting for direct requests\r\n");
}

/* Answers regs in place if it holds a direct request; false otherwise. */
static bool sp_main_serve(struct regs_block *regs)
{
	static struct sp_msg msg;
	static uint64_t r[SP_MSG_PAYLOAD_MAX];
	uint16_t id;

	if (!sp_msg_decode(regs, &msg)) {
		return false;
	}

	id = sp_main_id != 0 ? sp_main_id : msg.receiver;
	sp_cmd_handle(&msg, id, r);
	sp_msg_encode(&msg, id, r, regs);
	return true;
}

noreturn void sp_main(void)
{
	uint32_t unexpected = 0;
	uint64_t last = 0;

	sp_main_init();
	regs_init(&sp_main_regs, SP_FFA_MSG_WAIT);
	while (unexpected <= SP_MAIN_UNEXPECTED_MAX) {
		sp_ffa_smc(&sp_main_regs);
		if (sp_main_serve(&sp_main_regs)) {
			unexpected = 0;
			continue;
		}
		last = sp_main_regs.x[0];
		sp_cmd_note_unexpected(last);
		unexpected++;
		regs_init(&sp_main_regs, SP_FFA_MSG_WAIT);
	}

	sp_uart_puts("fwcts-sp-agent: stopped, last entry x0=");
	sp_uart_put_hex(last);
	sp_uart_puts("\r\n");
	for (;;) {
		__asm__ volatile("wfe");
	}
}
