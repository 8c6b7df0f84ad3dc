/*
 * Command decoding and the command bodies.
 *
 * A command goes through three stages, as in the normal-world agent:
 * checking its header and arguments, which may answer range, align or
 * unknown; execution under sp_exc_call(), the only stage that touches memory
 * outside the agent or calls the SPMC; and filling in the response header.
 */

#include "cmd.h"

#include "exc.h"
#include "mem.h"

/* The RX/TX pair, FF-A page aligned as FFA_RXTX_MAP requires. */
static uint8_t sp_cmd_tx[SP_BUF_SIZE]
	__attribute__((aligned(SP_FFA_PAGE_SIZE)));
static uint8_t sp_cmd_rx[SP_BUF_SIZE]
	__attribute__((aligned(SP_FFA_PAGE_SIZE)));

/* ffa-set stages argument registers; ffa-call and rxtx-map leave results. */
static struct regs_block sp_cmd_staged;
static struct regs_block sp_cmd_result;

/* Entries into the agent that were not direct requests, for `info`. */
static struct {
	uint64_t count;
	uint64_t last_x0;
} sp_cmd_unexpected;

/* From the linker script: the agent's memory, image through stack. */
extern uint8_t __image_start[];
extern uint8_t __stack_top[];

void sp_cmd_note_unexpected(uint64_t x0)
{
	sp_cmd_unexpected.count++;
	sp_cmd_unexpected.last_x0 = x0;
}

/* Data bytes a request carries after p0 and p1, and a response after p0. */
static uint32_t sp_cmd_bytes_in(const struct sp_cmd *cmd)
{
	return (cmd->msg->count - 2) * cmd->msg->width;
}

static uint32_t sp_cmd_bytes_out(const struct sp_cmd *cmd)
{
	return (cmd->msg->count - 1) * cmd->msg->width;
}

/* Header fields a command does not use must be zero. */
static enum sp_cmd_status sp_cmd_unused(const struct sp_cmd *cmd, bool a,
					bool b, uint32_t flags)
{
	if ((!a && cmd->a != 0) || (!b && cmd->b != 0) ||
	    (cmd->flags & ~flags) != 0) {
		return SP_STATUS_RANGE;
	}

	return SP_STATUS_OK;
}

/* ffa-set: a = first register, b = how many, p1.. = values. */
static enum sp_cmd_status sp_cmd_parse_ffa_set(const struct sp_cmd *cmd)
{
	if (sp_cmd_unused(cmd, true, true, SP_CMD_FLAG_CLEAR) != SP_STATUS_OK ||
	    cmd->a >= REGS_COUNT || cmd->b > cmd->msg->count - 1 ||
	    cmd->a + cmd->b > REGS_COUNT) {
		return SP_STATUS_RANGE;
	}

	return SP_STATUS_OK;
}

/* ffa-call: a = how many of x0.. p1.. sets; ffa-get: a = first register. */
static enum sp_cmd_status sp_cmd_parse_ffa(const struct sp_cmd *cmd)
{
	bool call = cmd->code == SP_CMD_FFA_CALL;
	uint32_t flags = call ? SP_CMD_FLAG_CLEAR : 0;
	uint32_t max = call ? cmd->msg->count - 1 : REGS_COUNT - 1;

	if (sp_cmd_unused(cmd, true, false, flags) != SP_STATUS_OK ||
	    cmd->a > max) {
		return SP_STATUS_RANGE;
	}

	return SP_STATUS_OK;
}

/* tx-write, rx-read: a = byte count, p1 = offset into the buffer. */
static enum sp_cmd_status sp_cmd_parse_buf(const struct sp_cmd *cmd)
{
	uint32_t max = cmd->code == SP_CMD_TX_WRITE ? sp_cmd_bytes_in(cmd)
						    : sp_cmd_bytes_out(cmd);
	uint64_t offset = cmd->msg->p[1];

	if (sp_cmd_unused(cmd, true, false, 0) != SP_STATUS_OK || cmd->a == 0 ||
	    cmd->a > max || offset > SP_BUF_SIZE ||
	    cmd->a > SP_BUF_SIZE - offset) {
		return SP_STATUS_RANGE;
	}

	return SP_STATUS_OK;
}

/* rxtx-map: a = page count (0 means 1). */
static enum sp_cmd_status sp_cmd_parse_rxtx_map(const struct sp_cmd *cmd)
{
	if (sp_cmd_unused(cmd, true, false, SP_CMD_FLAG_SMC32) !=
		    SP_STATUS_OK ||
	    cmd->a > SP_BUF_PAGES) {
		return SP_STATUS_RANGE;
	}

	return SP_STATUS_OK;
}

/* mem-read, mem-write: a = byte count, b = access width, p1 = address. */
static enum sp_cmd_status sp_cmd_parse_mem(struct sp_cmd *cmd)
{
	uint32_t max = cmd->code == SP_CMD_MEM_WRITE ? sp_cmd_bytes_in(cmd)
						     : sp_cmd_bytes_out(cmd);
	uint64_t addr = cmd->msg->p[1];

	cmd->width = cmd->b == 0 ? 1 : cmd->b;
	if (sp_cmd_unused(cmd, true, true, 0) != SP_STATUS_OK ||
	    (cmd->width != 1 && cmd->width != 2 && cmd->width != 4 &&
	     cmd->width != 8) ||
	    cmd->a == 0 || cmd->a > max || cmd->a % cmd->width != 0 ||
	    !addr_span_ok(addr, cmd->a)) {
		return SP_STATUS_RANGE;
	}
	if (addr % cmd->width != 0) {
		return SP_STATUS_ALIGN;
	}

	return SP_STATUS_OK;
}

/* mem-fill: p1 = address, p2 = length, p3 = byte; mem-hash: p1, p2. */
static enum sp_cmd_status sp_cmd_parse_span(const struct sp_cmd *cmd)
{
	const uint64_t *p = cmd->msg->p;

	if (sp_cmd_unused(cmd, false, false, 0) != SP_STATUS_OK ||
	    !addr_span_ok(p[1], p[2]) ||
	    (cmd->code == SP_CMD_MEM_FILL && p[3] > 0xff)) {
		return SP_STATUS_RANGE;
	}

	return SP_STATUS_OK;
}

static enum sp_cmd_status sp_cmd_parse(struct sp_cmd *cmd)
{
	switch (cmd->code) {
	case SP_CMD_PING:
	case SP_CMD_INFO:
	case SP_CMD_MEM_EXEC:
		return sp_cmd_unused(cmd, false, false, 0);
	case SP_CMD_FFA_SET:
		return sp_cmd_parse_ffa_set(cmd);
	case SP_CMD_FFA_CALL:
	case SP_CMD_FFA_GET:
		return sp_cmd_parse_ffa(cmd);
	case SP_CMD_TX_WRITE:
	case SP_CMD_RX_READ:
		return sp_cmd_parse_buf(cmd);
	case SP_CMD_RXTX_MAP:
		return sp_cmd_parse_rxtx_map(cmd);
	case SP_CMD_MEM_READ:
	case SP_CMD_MEM_WRITE:
		return sp_cmd_parse_mem(cmd);
	case SP_CMD_MEM_FILL:
	case SP_CMD_MEM_HASH:
		return sp_cmd_parse_span(cmd);
	default:
		return SP_STATUS_UNKNOWN;
	}
}

static void sp_cmd_ping(struct sp_cmd *cmd)
{
	uint32_t i;

	for (i = 1; i < cmd->msg->count; i++) {
		cmd->r[i] = cmd->msg->p[i];
	}
}

static void sp_cmd_info(struct sp_cmd *cmd)
{
	cmd->r[1] = SP_AGENT_VERSION;
	cmd->r[2] = (uintptr_t)sp_cmd_tx;
	cmd->r[3] = (uintptr_t)sp_cmd_rx;
	cmd->r[4] = SP_BUF_PAGES;
	/* Only DIRECT_REQ2 has room for the rest. */
	cmd->r[5] = (uintptr_t)__image_start;
	cmd->r[6] = (uintptr_t)__stack_top;
	cmd->r[7] = sp_cmd_unexpected.count;
	cmd->r[8] = sp_cmd_unexpected.last_x0;
}

static void sp_cmd_ffa_set(struct sp_cmd *cmd, uint32_t first, uint32_t n)
{
	uint32_t i;

	if ((cmd->flags & SP_CMD_FLAG_CLEAR) != 0) {
		regs_init(&sp_cmd_staged, 0);
	}
	for (i = 0; i < n; i++) {
		sp_cmd_staged.x[first + i] = cmd->msg->p[1 + i];
	}
}

/* r[1..] = result registers from x[first] on; zero past x17. */
static void sp_cmd_results(struct sp_cmd *cmd, uint32_t first)
{
	uint32_t i;

	for (i = 1; i < cmd->msg->count; i++) {
		cmd->r[i] = first + i - 1 < REGS_COUNT
				    ? sp_cmd_result.x[first + i - 1]
				    : 0;
	}
}

/*
 * The call runs with the staged registers. If it ends the partition's turn
 * (FFA_MSG_WAIT, say) and the SPMC later resumes the agent with a new direct
 * request, that request is the one the response now goes to.
 */
static void sp_cmd_ffa_call(struct sp_cmd *cmd)
{
	sp_cmd_ffa_set(cmd, 0, cmd->a);
	sp_cmd_result = sp_cmd_staged;
	sp_ffa_smc(&sp_cmd_result);
	sp_cmd_results(cmd, 0);
	(void)sp_msg_decode(&sp_cmd_result, cmd->msg);
}

static void sp_cmd_rxtx_map(struct sp_cmd *cmd)
{
	bool smc32 = (cmd->flags & SP_CMD_FLAG_SMC32) != 0;

	regs_init(&sp_cmd_result,
		    smc32 ? SP_FFA_RXTX_MAP_32 : SP_FFA_RXTX_MAP_64);
	/* TX first (DEN0077A, FFA_RXTX_MAP: x1 TX, x2 RX, w3 page count). */
	sp_cmd_result.x[1] = (uintptr_t)sp_cmd_tx;
	sp_cmd_result.x[2] = (uintptr_t)sp_cmd_rx;
	sp_cmd_result.x[3] = cmd->a == 0 ? 1 : cmd->a;
	sp_ffa_smc(&sp_cmd_result);
	cmd->r[1] = sp_cmd_result.x[0];
	cmd->r[2] = sp_cmd_result.x[2];
	cmd->r[3] = (uintptr_t)sp_cmd_tx;
	cmd->r[4] = (uintptr_t)sp_cmd_rx;
}

static void sp_cmd_buf(struct sp_cmd *cmd)
{
	uint64_t offset = cmd->msg->p[1];
	uint32_t width = cmd->msg->width;
	uint32_t i;

	for (i = 0; i < cmd->a; i++) {
		if (cmd->code == SP_CMD_TX_WRITE) {
			sp_cmd_tx[offset + i] =
				sp_msg_byte(&cmd->msg->p[2], width, i);
		} else {
			sp_msg_set_byte(&cmd->r[1], width, i,
					sp_cmd_rx[offset + i]);
		}
	}
}

static void sp_cmd_mem(struct sp_cmd *cmd)
{
	struct addr_pa pa = addr_pa_init(cmd->msg->p[1]);
	uint32_t width = cmd->msg->width;
	uint32_t i;

	if (cmd->code == SP_CMD_MEM_READ) {
		sp_mem_read(pa, cmd->width, cmd->a, cmd->bytes);
		for (i = 0; i < cmd->a; i++) {
			sp_msg_set_byte(&cmd->r[1], width, i, cmd->bytes[i]);
		}
	} else {
		for (i = 0; i < cmd->a; i++) {
			cmd->bytes[i] = sp_msg_byte(&cmd->msg->p[2], width, i);
		}
		sp_mem_write(pa, cmd->width, cmd->a, cmd->bytes);
	}
}

/* mem-fill, mem-hash, mem-exec: arguments in p1..p3. */
static void sp_cmd_mem_args(struct sp_cmd *cmd)
{
	const uint64_t *p = cmd->msg->p;

	if (cmd->code == SP_CMD_MEM_FILL) {
		sp_mem_fill(addr_pa_init(p[1]), p[2], (uint8_t)p[3]);
	} else if (cmd->code == SP_CMD_MEM_HASH) {
		cmd->r[1] = sp_mem_hash(addr_pa_init(p[1]), p[2]);
	} else {
		cmd->r[1] = sp_mem_exec(addr_pa_init(p[1]), p[2]);
	}
}

void sp_cmd_execute(struct sp_cmd *cmd)
{
	switch (cmd->code) {
	case SP_CMD_PING:
		sp_cmd_ping(cmd);
		break;
	case SP_CMD_INFO:
		sp_cmd_info(cmd);
		break;
	case SP_CMD_FFA_SET:
		sp_cmd_ffa_set(cmd, cmd->a, cmd->b);
		break;
	case SP_CMD_FFA_CALL:
		sp_cmd_ffa_call(cmd);
		break;
	case SP_CMD_FFA_GET:
		sp_cmd_results(cmd, cmd->a);
		break;
	case SP_CMD_TX_WRITE:
	case SP_CMD_RX_READ:
		sp_cmd_buf(cmd);
		break;
	case SP_CMD_RXTX_MAP:
		sp_cmd_rxtx_map(cmd);
		break;
	case SP_CMD_MEM_READ:
	case SP_CMD_MEM_WRITE:
		sp_cmd_mem(cmd);
		break;
	default:
		/* sp_cmd_parse() lets only the three others through. */
		sp_cmd_mem_args(cmd);
		break;
	}
}

/* p0 = code | a << 8 | b << 16 | flags << 24; bits [63:32] are MBZ. */
static enum sp_cmd_status sp_cmd_header(struct sp_cmd *cmd)
{
	uint64_t p0 = cmd->msg->p[0];

	cmd->code = (uint32_t)(p0 & 0xff);
	cmd->a = (uint32_t)((p0 >> 8) & 0xff);
	cmd->b = (uint32_t)((p0 >> 16) & 0xff);
	cmd->flags = (uint32_t)((p0 >> 24) & 0xff);
	if (cmd->msg->framework) {
		return SP_STATUS_FRAMEWORK;
	}

	return (p0 >> 32) == 0 ? SP_STATUS_OK : SP_STATUS_RANGE;
}

void sp_cmd_handle(struct sp_msg *msg, uint16_t own_id, uint64_t *r)
{
	static struct sp_cmd cmd;
	struct exc_fault fault;
	enum sp_cmd_status status;
	uint32_t i;

	cmd.msg = msg;
	for (i = 0; i < SP_MSG_PAYLOAD_MAX; i++) {
		cmd.r[i] = 0;
	}

	status = sp_cmd_header(&cmd);
	if (status == SP_STATUS_OK) {
		status = sp_cmd_parse(&cmd);
	}
	if (status == SP_STATUS_OK && sp_exc_call(&cmd)) {
		status = SP_STATUS_FAULT;
		fault = exc_last_fault();
		for (i = 0; i < SP_MSG_PAYLOAD_MAX; i++) {
			cmd.r[i] = 0;
		}
		cmd.r[1] = fault.esr;
		cmd.r[2] = fault.far;
		cmd.r[3] = fault.elr;
	}

	cmd.r[0] = status | (cmd.code << 8) | ((uint32_t)own_id << 16);
	for (i = 0; i < SP_MSG_PAYLOAD_MAX; i++) {
		r[i] = cmd.r[i];
	}
}
