/*
 * The SP agent's command set (PROTOCOL.md): a command travels in the payload
 * registers of a direct request and its results in those of the response.
 */

#pragma once

#include "msg.h"

/*
 * Reported by `info` in r1 (PROTOCOL.md, "Identity"): the protocol version,
 * major in [31:16] and minor in [15:8], and which agent this is in [7:0].
 */
#define SP_AGENT_PROTOCOL_MAJOR 2U
#define SP_AGENT_PROTOCOL_MINOR 0U
#define SP_AGENT_ROLE_PARTITION 2U
#define SP_AGENT_VERSION                                                  \
	((SP_AGENT_PROTOCOL_MAJOR << 16) | (SP_AGENT_PROTOCOL_MINOR << 8) | \
	 SP_AGENT_ROLE_PARTITION)

/* The RX and TX buffers, each this many FF-A pages of the agent's image. */
#define SP_BUF_PAGES 4U
#define SP_BUF_SIZE (SP_BUF_PAGES * SP_FFA_PAGE_SIZE)

/* Request p0[7:0]. */
enum sp_cmd_code {
	SP_CMD_PING = 0x01,
	SP_CMD_INFO = 0x02,
	SP_CMD_FFA_SET = 0x03,
	SP_CMD_FFA_CALL = 0x04,
	SP_CMD_FFA_GET = 0x05,
	SP_CMD_TX_WRITE = 0x06,
	SP_CMD_RX_READ = 0x07,
	SP_CMD_RXTX_MAP = 0x08,
	SP_CMD_MEM_READ = 0x09,
	SP_CMD_MEM_WRITE = 0x0a,
	SP_CMD_MEM_FILL = 0x0b,
	SP_CMD_MEM_HASH = 0x0c,
	SP_CMD_MEM_EXEC = 0x0d,
};

/* Response p0[7:0]. */
enum sp_cmd_status {
	SP_STATUS_OK = 0,
	SP_STATUS_FAULT = 1,
	SP_STATUS_UNKNOWN = 2,
	SP_STATUS_RANGE = 3,
	SP_STATUS_ALIGN = 4,
	SP_STATUS_FRAMEWORK = 5,
};

/* Request p0[31:24]: ffa-set, ffa-call zero every staged register first. */
#define SP_CMD_FLAG_CLEAR 0x1U
/* Request p0[31:24]: rxtx-map uses FFA_RXTX_MAP's SMC32 form. */
#define SP_CMD_FLAG_SMC32 0x1U

/* One command being run. */
struct sp_cmd {
	/* The request being answered (ffa-call may replace it, see cmd.c). */
	struct sp_msg *msg;
	/* Request p0: [7:0] code, [15:8] a, [23:16] b, [31:24] flags. */
	uint32_t code;
	uint32_t a;
	uint32_t b;
	uint32_t flags;
	/* Memory commands: access width in bytes. */
	uint32_t width;
	/* Response payload; r[0] is filled in last. */
	uint64_t r[SP_MSG_PAYLOAD_MAX];
	/* Data of mem-read and mem-write. */
	uint8_t bytes[SP_MSG_PAYLOAD_MAX * 8];
};

/*
 * Runs the command in msg and writes the response payload to r (msg->count
 * registers): r[0] = status | code << 8 | own_id << 16, then the results.
 */
void sp_cmd_handle(struct sp_msg *msg, uint16_t own_id, uint64_t *r);

/* Records an entry into the agent that was not a direct request. */
void sp_cmd_note_unexpected(uint64_t x0);

/* The machine-touching part of a command; called by sp_exc_call(). */
void sp_cmd_execute(struct sp_cmd *cmd);
