/*
 * FWCTS guest agent: entry from start.S and the command loop.
 */

#include "commands.h"
#include "proto.h"
#include "uart.h"

noreturn void agent_main(void);

/* Static rather than on the stack: it is the largest object in the agent. */
static struct proto_line agent_line;

noreturn void agent_main(void)
{
	uart_init();

	/* Finish any partial line the firmware left, so the banner is whole. */
	proto_send_raw("\r\n", 2);
	cmd_send_banner();

	for (;;) {
		proto_read_line(&agent_line);
		cmd_handle_line(&agent_line);
	}
}
