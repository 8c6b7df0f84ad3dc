/*
 * The realm agent's commands: an RSI call, memory reads and writes by IPA.
 * Every address is an IPA of the realm: the agent runs with its MMU off.
 */

#include "cmd.h"

#include "common/mem.h"
#include "common/regs.h"

void realm_smc(struct regs_block *regs);

static void cmd_rsi_smc(struct realm_cmd *cmd)
{
	struct regs_block regs;
	uint32_t i;

	regs_init(&regs, 0);
	for (i = 0; i < REALM_SMC_ARGS; i++) {
		regs.x[i] = cmd->gprs[1 + i];
	}
	realm_smc(&regs);
	for (i = 0; i < REALM_SMC_ARGS; i++) {
		cmd->data[i] = regs.x[i];
	}
}

/* Bytes travel packed little-endian, 8 to a register, from data[0]. */
static void cmd_read(struct realm_cmd *cmd, uint64_t ipa, uint32_t len)
{
	uint8_t bytes[REALM_DATA_MAX_BYTES];
	uint32_t i;

	mem_read_bytes(ipa, bytes, len);
	for (i = 0; i < len; i++) {
		cmd->data[i / 8] |= (uint64_t)bytes[i] << (8 * (i % 8));
	}
}

static void cmd_write(struct realm_cmd *cmd, uint64_t ipa, uint32_t len)
{
	uint8_t bytes[REALM_DATA_MAX_BYTES];
	uint32_t i;

	for (i = 0; i < len; i++) {
		bytes[i] = (uint8_t)(cmd->gprs[REALM_DATA_FIRST + i / 8] >> (8 * (i % 8)));
	}
	mem_write_bytes(ipa, bytes, len);
}

/* A byte range of READ or WRITE: at most 160 bytes, not wrapping past the top. */
static bool cmd_range_ok(uint64_t ipa, uint64_t len)
{
	return len <= REALM_DATA_MAX_BYTES && (len == 0 || ipa + (len - 1) >= ipa);
}

void realm_cmd_execute(struct realm_cmd *cmd)
{
	uint64_t ipa = cmd->gprs[1];
	uint64_t len = cmd->gprs[2];

	cmd->status = REALM_STATUS_OK;
	switch (cmd->gprs[0]) {
	case REALM_CMD_RSI_SMC:
		cmd_rsi_smc(cmd);
		break;
	case REALM_CMD_READ:
	case REALM_CMD_WRITE:
		if (!cmd_range_ok(ipa, len)) {
			cmd->status = REALM_STATUS_BAD_ARGUMENT;
		} else if (cmd->gprs[0] == REALM_CMD_READ) {
			cmd_read(cmd, ipa, (uint32_t)len);
		} else {
			cmd_write(cmd, ipa, (uint32_t)len);
		}
		break;
	case REALM_CMD_LOAD64:
		cmd->data[0] = mem_read(ipa, 8);
		break;
	case REALM_CMD_STORE64:
		mem_write(ipa, 8, cmd->gprs[2]);
		break;
	default:
		cmd->status = REALM_STATUS_UNKNOWN;
		break;
	}
}
