/*
 * FWCTS realm agent: announces itself to the host with a BANNER host call,
 * then runs the command each REC entry brings and answers it with a RESULT
 * host call, which also asks for the next command (PROTOCOL.md).
 */

#include "cmd.h"
#include "exc.h"
#include "hostcall.h"

noreturn void realm_main(void);

static const char realm_name[] = "fwcts-realm-agent";

/* The name, packed little-endian 8 bytes to a register, in gprs[4..7]. */
static void banner_name(void)
{
	uint32_t i;

	for (i = 0; i < sizeof(realm_name) - 1 && i < 32; i++) {
		host_call_block.gprs[4 + i / 8] |= (uint64_t)(uint8_t)realm_name[i] << (8 * (i % 8));
	}
}

static void data_clear(struct realm_cmd *cmd)
{
	uint32_t i;

	for (i = 0; i < REALM_DATA_REGS; i++) {
		cmd->data[i] = 0;
	}
}

/* The host's command, copied out before the RESULT overwrites the structure. */
static void command_take(struct realm_cmd *cmd)
{
	uint32_t i;

	for (i = 0; i < HOST_CALL_GPRS; i++) {
		cmd->gprs[i] = host_call_block.gprs[i];
	}
	data_clear(cmd);
}

static void result_send(const struct realm_cmd *cmd)
{
	uint32_t i;

	host_call_begin(REALM_KIND_RESULT);
	host_call_block.gprs[2] = cmd->status;
	if (cmd->status == REALM_STATUS_EXCEPTION) {
		struct exc_fault fault = exc_last_fault();

		host_call_block.gprs[3] = fault.esr;
		host_call_block.gprs[4] = fault.far;
		host_call_block.gprs[5] = fault.elr;
	}
	for (i = 0; i < REALM_DATA_REGS; i++) {
		host_call_block.gprs[REALM_DATA_FIRST + i] = cmd->data[i];
	}
	host_call_exchange();
}

noreturn void realm_main(void)
{
	struct realm_cmd cmd;

	host_call_begin(REALM_KIND_BANNER);
	host_call_block.gprs[2] = REALM_PROTOCOL_VERSION;
	host_call_block.gprs[3] = REALM_AGENT_BUILD_ID;
	banner_name();
	host_call_exchange();

	for (;;) {
		command_take(&cmd);
		if (realm_exc_call(&cmd)) {
			data_clear(&cmd);
			cmd.status = REALM_STATUS_EXCEPTION;
		}
		result_send(&cmd);
	}
}
