/*
 * Command dispatch and the command bodies.
 *
 * A request goes through three stages: framing and parsing (here and in
 * proto.c), which may answer `err`; execution under exc_call(), the only
 * stage that touches memory or calls out of the agent; and formatting of the
 * reply, which happens after the recovery context is disarmed so that a bug
 * in the agent itself panics instead of being reported as the target's fault.
 */

#include "commands.h"

#include "common/mem.h"
#include "exc.h"
#include "smc.h"
#include "uart.h"
#include "vcpu.h"
#ifdef AGENT_VM
#include "scratch.h"
#endif

/*
 * The longest lines must fit PROTO_LINE_MAX: the rdb reply, the smc reply,
 * and the wrb request ("ffffffff" is the longest SEQ, 16 digits the longest
 * number).
 */
static_assert(sizeof("<ffffffff ok ") - 1 + 2 * CMD_BYTES_MAX +
			      PROTO_TRAILER_LEN <=
		      PROTO_LINE_MAX,
	      "rdb reply fits a line");
static_assert(sizeof("<ffffffff ok") - 1 + REGS_COUNT * 17 + PROTO_TRAILER_LEN <=
		      PROTO_LINE_MAX,
	      "smc reply fits a line");
static_assert(sizeof(">ffffffff wrb ffffffffffffffff ") - 1 +
			      2 * CMD_BYTES_MAX + PROTO_TRAILER_LEN <=
		      PROTO_LINE_MAX,
	      "wrb request fits a line");

/*
 * The last executed request, for duplicate suppression. `hello` clears it;
 * `hello` and `last` are never remembered themselves (see PROTOCOL.md).
 */
static struct {
	bool valid;
	uint32_t seq;
	struct proto_out reply;
} cmd_last;

/*
 * The fields shared by the boot banner and the `hello` reply, in protocol
 * version `version`; version 2 adds which agent this is.
 */
static void cmd_out_identity(struct proto_out *out, uint64_t version)
{
	proto_out_str(out, " proto=");
	proto_out_hex(out, version);
	proto_out_str(out, " el=");
	proto_out_hex(out, exc_current_el());
	proto_out_str(out, " caps=" AGENT_CAPS " ver=" AGENT_VERSION);
	if (version >= 2) {
		proto_out_str(out, " agent=" AGENT_ROLE " ep=");
		proto_out_hex(out, AGENT_ENDPOINT);
	}
}

void cmd_send_banner(void)
{
	struct proto_out out;

	proto_out_begin(&out, '!');
	proto_out_str(&out, "fwcts-agent");
	cmd_out_identity(&out, PROTO_VERSION);
	proto_out_end(&out);
	proto_send(&out);
}

static void cmd_send_err(uint32_t seq, enum proto_status status)
{
	struct proto_out out;

	proto_out_reply(&out, seq, "err");
	proto_out_char(&out, ' ');
	proto_out_str(&out, proto_status_name(status));
	proto_out_end(&out);
	proto_send(&out);
}

static enum cmd_verb cmd_lookup_verb(struct proto_field verb)
{
	static const struct {
		const char *name;
		enum cmd_verb verb;
	} verbs[] = {
		{"hello", CMD_HELLO}, {"smc", CMD_SMC},	  {"hvc", CMD_HVC},
		{"rd", CMD_RD},	      {"wr", CMD_WR},	  {"rdb", CMD_RDB},
		{"wrb", CMD_WRB},     {"fill", CMD_FILL}, {"hash", CMD_HASH},
		{"exec", CMD_EXEC},   {"echo", CMD_ECHO}, {"last", CMD_LAST},
		{"crash", CMD_CRASH}, {"hang", CMD_HANG},
#ifdef AGENT_VM
		{"stage1", CMD_STAGE1}, {"pair", CMD_PAIR},
		{"result1", CMD_RESULT1}, {"call1", CMD_CALL1},
		{"scratch", CMD_SCRATCH},
#endif
#ifdef AGENT_CHAIN
		{"chain", CMD_CHAIN}, {"expect", CMD_EXPECT},
#endif
	};
	uint32_t i;

	for (i = 0; i < ARRAY_SIZE(verbs); i++) {
		if (proto_field_is(verb, verbs[i].name)) {
			return verbs[i].verb;
		}
	}

	return CMD_UNKNOWN;
}

/* Parses the argument fields into vals[0..nargs), checking their count. */
static enum proto_status cmd_parse_numbers(const struct cmd_req *req,
					   uint64_t *vals, uint32_t min,
					   uint32_t max)
{
	enum proto_status status;
	uint32_t i;

	if (req->nargs < min || req->nargs > max) {
		return PROTO_ERR_ARGS;
	}

	for (i = 0; i < req->nargs; i++) {
		vals[i] = 0;
		status = proto_parse_u64(req->field[1 + i], &vals[i]);
		if (status != PROTO_OK) {
			return status;
		}
	}

	return PROTO_OK;
}

/* smc, hvc: X0..X17, omitted trailing registers are 0. */
static enum proto_status cmd_parse_regs(struct cmd_req *req)
{
	regs_init(&req->reg, 0);
	return cmd_parse_numbers(req, req->reg.x, 0, REGS_COUNT);
}

/* rd: W ADDR; wr: W ADDR VALUE. */
static enum proto_status cmd_parse_access(struct cmd_req *req, uint32_t nargs)
{
	uint64_t v[3] = {0, 0, 0};
	enum proto_status status;

	status = cmd_parse_numbers(req, v, nargs, nargs);
	if (status != PROTO_OK) {
		return status;
	}
	if (v[0] != 1 && v[0] != 2 && v[0] != 4 && v[0] != 8) {
		return PROTO_ERR_RANGE;
	}
	if (v[0] < 8 && (v[2] >> (8 * v[0])) != 0) {
		return PROTO_ERR_RANGE;
	}
	if ((v[1] & (v[0] - 1)) != 0) {
		return PROTO_ERR_ALIGN;
	}

	req->width = (uint32_t)v[0];
	req->addr = addr_ipa_init(v[1]);
	req->value = v[2];
	return PROTO_OK;
}

/* rdb: ADDR LEN, 1 <= LEN <= 256. */
static enum proto_status cmd_parse_rdb(struct cmd_req *req)
{
	uint64_t v[2];
	enum proto_status status;

	status = cmd_parse_numbers(req, v, 2, 2);
	if (status != PROTO_OK) {
		return status;
	}
	if (v[1] == 0 || v[1] > CMD_BYTES_MAX || !addr_span_ok(v[0], v[1])) {
		return PROTO_ERR_RANGE;
	}

	req->addr = addr_ipa_init(v[0]);
	req->len = v[1];
	return PROTO_OK;
}

/* wrb: ADDR HEX, 1 to 256 bytes as 2 hex digits each. */
static enum proto_status cmd_parse_wrb(struct cmd_req *req)
{
	struct proto_field hex;
	enum proto_status status;
	uint64_t addr;
	int32_t hi;
	int32_t lo;
	uint32_t i;

	if (req->nargs != 2) {
		return PROTO_ERR_ARGS;
	}
	hex = req->field[2];
	status = proto_parse_u64(req->field[1], &addr);
	if (status != PROTO_OK) {
		return status;
	}
	req->addr = addr_ipa_init(addr);
	if (hex.len % 2 != 0) {
		return PROTO_ERR_ARGS;
	}
	req->len = hex.len / 2;
	for (i = 0; i < req->len; i++) {
		hi = proto_hex_digit(hex.str[2 * i]);
		lo = proto_hex_digit(hex.str[2 * i + 1]);
		if (hi < 0 || lo < 0) {
			return PROTO_ERR_ARGS;
		}
		if (i < CMD_BYTES_MAX) {
			req->bytes[i] = (uint8_t)((hi << 4) | lo);
		}
	}
	if (req->len > CMD_BYTES_MAX || !addr_span_ok(addr, req->len)) {
		return PROTO_ERR_RANGE;
	}

	return PROTO_OK;
}

/* fill: ADDR LEN BYTE; hash: ADDR LEN. LEN is at most 2^32 - 1. */
static enum proto_status cmd_parse_range(struct cmd_req *req, uint32_t nargs)
{
	uint64_t v[3] = {0, 0, 0};
	enum proto_status status;

	status = cmd_parse_numbers(req, v, nargs, nargs);
	if (status != PROTO_OK) {
		return status;
	}
	if (v[1] > UINT32_MAX || v[2] > 0xff || !addr_span_ok(v[0], v[1])) {
		return PROTO_ERR_RANGE;
	}

	req->addr = addr_ipa_init(v[0]);
	req->len = v[1];
	req->value = v[2];
	return PROTO_OK;
}

/* exec: ADDR [X0]. */
static enum proto_status cmd_parse_exec(struct cmd_req *req)
{
	uint64_t v[2] = {0, 0};
	enum proto_status status;

	status = cmd_parse_numbers(req, v, 1, 2);
	req->addr = addr_ipa_init(v[0]);
	req->value = v[1];
	return status;
}

/* pair and call1: C [X0 ... X17], C 0 for SMC and 1 for HVC. */
static enum proto_status cmd_parse_pair(struct cmd_req *req)
{
	uint64_t v[1 + REGS_COUNT];
	enum proto_status status;
	uint32_t i;

	status = cmd_parse_numbers(req, v, 1, 1 + REGS_COUNT);
	if (status != PROTO_OK) {
		return status;
	}
	if (v[0] > 1) {
		return PROTO_ERR_RANGE;
	}
	req->value = v[0];
	regs_init(&req->reg, 0);
	for (i = 1; i < req->nargs; i++) {
		req->reg.x[i - 1] = v[i];
	}
	return PROTO_OK;
}

/* hello: PROTO; a version the agent does not speak is `err proto`. */
static enum proto_status cmd_parse_hello(struct cmd_req *req)
{
	enum proto_status status;

	status = cmd_parse_numbers(req, &req->version, 1, 1);
	if (status == PROTO_OK && (req->version < PROTO_VERSION_OLDEST ||
				   req->version > PROTO_VERSION)) {
		status = PROTO_ERR_PROTO;
	}

	return status;
}

static enum proto_status cmd_parse(struct cmd_req *req)
{
	switch (req->verb) {
	case CMD_HELLO:
		return cmd_parse_hello(req);
	case CMD_SMC:
	case CMD_HVC:
	case CMD_STAGE1:
		return cmd_parse_regs(req);
	case CMD_PAIR:
		return cmd_parse_pair(req);
#ifdef AGENT_VM
	case CMD_CALL1:
		return cmd_parse_pair(req);
	case CMD_SCRATCH:
		return req->nargs == 0 ? PROTO_OK : PROTO_ERR_ARGS;
#endif
	case CMD_RD:
		return cmd_parse_access(req, 2);
	case CMD_WR:
		return cmd_parse_access(req, 3);
	case CMD_RDB:
		return cmd_parse_rdb(req);
	case CMD_WRB:
		return cmd_parse_wrb(req);
	case CMD_FILL:
		return cmd_parse_range(req, 3);
	case CMD_HASH:
		return cmd_parse_range(req, 2);
	case CMD_EXEC:
		return cmd_parse_exec(req);
	case CMD_ECHO:
		return PROTO_OK;
	case CMD_LAST:
	case CMD_CRASH:
	case CMD_HANG:
	case CMD_RESULT1:
		return req->nargs == 0 ? PROTO_OK : PROTO_ERR_ARGS;
#ifdef AGENT_CHAIN
	case CMD_CHAIN:
	case CMD_EXPECT:
		/* A chain is run by cmd_run_chain; an expectation only inside one. */
		break;
#endif
	case CMD_UNKNOWN:
		break;
	}

	return PROTO_ERR_VERB;
}

/*
 * `callmark`: one CMD_CALL_MARK byte, never part of a line, just before each
 * SMC or HVC the host asked for. A host that saw it and no reply knows the
 * agent is inside that call: the firmware did not return from it.
 */
#ifdef AGENT_CALL_MARK
#define CMD_CALL_MARK '\x05'
static void cmd_mark_call(void)
{
	uart_putc(CMD_CALL_MARK);
#ifdef AGENT_VM
	/*
	 * Xen passes on the output of a guest without input focus only at a line
	 * end (vpl011): one ends here, empty once the host takes the marker out.
	 */
	uart_putc('\n');
#endif
}
#else
static void cmd_mark_call(void)
{
}
#endif

void cmd_execute(struct cmd_req *req)
{
	switch (req->verb) {
	case CMD_SMC:
		cmd_mark_call();
		smc_call(&req->reg);
		break;
	case CMD_HVC:
		cmd_mark_call();
		smc_hvc_call(&req->reg);
		break;
	case CMD_RD:
		req->result = mem_read(addr_ipa_value(req->addr), req->width);
		break;
	case CMD_WR:
		mem_write(addr_ipa_value(req->addr), req->width, req->value);
		break;
	case CMD_RDB:
		mem_read_bytes(addr_ipa_value(req->addr), req->bytes,
			       (uint32_t)req->len);
		break;
	case CMD_WRB:
		mem_write_bytes(addr_ipa_value(req->addr), req->bytes,
				(uint32_t)req->len);
		break;
	case CMD_FILL:
		mem_fill(addr_ipa_value(req->addr), req->len,
			 (uint8_t)req->value);
		break;
	case CMD_HASH:
		req->result = mem_hash(addr_ipa_value(req->addr), req->len);
		break;
	case CMD_EXEC:
		req->result = mem_exec(addr_ipa_value(req->addr), req->value);
		break;
#ifdef AGENT_VM
	case CMD_STAGE1:
		vcpu_stage(&req->reg);
		break;
	case CMD_PAIR:
		req->result = vcpu_pair(&req->reg, req->value == 1);
		break;
	case CMD_RESULT1:
		vcpu_result(&req->reg);
		break;
	case CMD_CALL1:
		req->result = vcpu_alone(&req->reg, req->value == 1);
		break;
#endif
	default:
		/* hello, echo and last touch nothing outside the agent. */
		break;
	}
}

/* x0 always, then up to the last non-zero register. */
static void cmd_out_regs(struct proto_out *out, const struct regs_block *reg)
{
	uint32_t n = REGS_COUNT;
	uint32_t i;

	while (n > 1 && reg->x[n - 1] == 0) {
		n--;
	}
	for (i = 0; i < n; i++) {
		proto_out_field_hex(out, reg->x[i]);
	}
}

/* The fields of a command's `ok` reply, after its status. */
static void cmd_out_fields(struct proto_out *out, const struct cmd_req *req)
{
	uint32_t i;

	switch (req->verb) {
	case CMD_HELLO:
		cmd_out_identity(out, req->version);
		break;
	case CMD_SMC:
	case CMD_HVC:
	case CMD_RESULT1:
		cmd_out_regs(out, &req->reg);
		break;
	case CMD_PAIR:
#ifdef AGENT_VM
	case CMD_CALL1:
#endif
		proto_out_field_hex(out, req->result);
		if (req->result == VCPU_PAIR_DONE || req->result == VCPU_PAIR_LATE) {
			cmd_out_regs(out, &req->reg);
		}
		break;
	case CMD_RD:
	case CMD_HASH:
	case CMD_EXEC:
		proto_out_field_hex(out, req->result);
		break;
	case CMD_RDB:
		proto_out_char(out, ' ');
		for (i = 0; i < req->len; i++) {
			proto_out_byte_hex(out, req->bytes[i]);
		}
		break;
	case CMD_ECHO:
		if (req->text.len > 0) {
			proto_out_char(out, ' ');
			proto_out_mem(out, req->text.str, req->text.len);
		}
		break;
	case CMD_LAST:
		proto_out_field_hex(out, cmd_last.valid ? cmd_last.seq : 0);
		break;
#ifdef AGENT_VM
	case CMD_SCRATCH:
		proto_out_field_hex(out, scratch_base());
		proto_out_field_hex(out, SCRATCH_SIZE);
		break;
#endif
	default:
		/* wr, wrb and fill report nothing but success. */
		break;
	}
}

static void cmd_out_ok(struct proto_out *out, const struct cmd_req *req)
{
	proto_out_reply(out, req->seq, "ok");
	cmd_out_fields(out, req);
}

/* The syndrome, fault address and link address of the last fault. */
static void cmd_out_fault_fields(struct proto_out *out)
{
	struct exc_fault fault = exc_last_fault();

	proto_out_field_hex(out, fault.esr);
	proto_out_field_hex(out, fault.far);
	proto_out_field_hex(out, fault.elr);
}

static void cmd_out_fault(struct proto_out *out, uint32_t seq)
{
	proto_out_reply(out, seq, "fault");
	cmd_out_fault_fields(out);
}

static void cmd_remember(uint32_t seq, const struct proto_out *reply)
{
	uint32_t i;

	for (i = 0; i < reply->len; i++) {
		cmd_last.reply.buf[i] = reply->buf[i];
	}
	cmd_last.reply.len = reply->len;
	cmd_last.reply.overflow = reply->overflow;
	cmd_last.seq = seq;
	cmd_last.valid = true;
}

/*
 * Test-only `crash`: an undefined instruction outside exc_call(), so no
 * recovery context is armed and the vectors report `!panic` and stop.
 */
static noreturn void cmd_crash(void)
{
	for (;;) {
		__asm__ volatile("udf #0");
	}
}

/* Test-only `hang`: stops answering, as a firmware that never returns would. */
static noreturn void cmd_hang(void)
{
	for (;;) {
		__asm__ volatile("wfe");
	}
}

/* Executes a parsed request, replies, and updates the duplicate memory. */
static void cmd_run(struct cmd_req *req)
{
	struct proto_out out;

	if (req->verb == CMD_CRASH) {
		cmd_crash();
	}
	if (req->verb == CMD_HANG) {
		cmd_hang();
	}
	if (exc_call(req)) {
		cmd_out_fault(&out, req->seq);
	} else {
		cmd_out_ok(&out, req);
	}
	proto_out_end(&out);

	if (req->verb == CMD_HELLO) {
		cmd_last.valid = false;
	} else if (req->verb != CMD_LAST) {
		cmd_remember(req->seq, &out);
	}

	proto_send(&out);
}

/* Finds the fields of a request; *seq is set as far as it can be read. */
static enum proto_status cmd_split(const struct proto_line *line,
				   struct cmd_req *req)
{
	struct proto_field body;
	enum proto_status status;
	uint32_t count;

	status = proto_unframe(line, &req->seq, &body);
	if (status == PROTO_OK) {
		status = proto_split(body, req->field, CMD_FIELDS_MAX, &count);
	}
	if (status != PROTO_OK) {
		return status;
	}

	req->nargs = count - 1;
	req->verb = cmd_lookup_verb(req->field[0]);
	req->text.str = body.str + req->field[0].len;
	req->text.len = body.len - req->field[0].len;
	if (req->text.len > 0) {
		/* Skip the space after the verb. */
		req->text.str++;
		req->text.len--;
	}

	return PROTO_OK;
}

#ifdef AGENT_CHAIN
/*
 * Reads the chain operation that starts at *pos of `text` (its fields up to
 * the separator field `/` or the end) into op, and moves *pos past it; *pos
 * is past the end once the last operation was read. The line's spacing was
 * checked as a whole: fields are separated by exactly one space.
 */
static enum proto_status cmd_chain_op(struct proto_field text, uint32_t *pos,
				      struct cmd_req *op)
{
	uint32_t count = 0;
	uint32_t start = *pos;
	uint32_t i;
	bool separated = false;
	struct proto_field field;

	for (i = *pos; i <= text.len; i++) {
		if (i < text.len && text.str[i] != ' ') {
			continue;
		}
		field.str = &text.str[start];
		field.len = i - start;
		start = i + 1;
		if (field.len == 1 && field.str[0] == '/') {
			separated = true;
			break;
		}
		if (count < CMD_FIELDS_MAX) {
			op->field[count] = field;
		}
		count++;
	}
	*pos = start;
	if (count == 0 || (separated && start > text.len)) {
		/* An empty operation: two separators, or one at either end. */
		return PROTO_ERR_SYNTAX;
	}

	op->nargs = count - 1;
	op->verb = cmd_lookup_verb(op->field[0]);
	return PROTO_OK;
}

/* expect: R VALUE MASK, right after a call or another expectation. */
static enum proto_status cmd_parse_expect(struct cmd_req *op,
					  enum cmd_verb previous)
{
	uint64_t v[3];
	enum proto_status status;

	status = cmd_parse_numbers(op, v, 3, 3);
	if (status != PROTO_OK) {
		return status;
	}
	if (previous != CMD_SMC && previous != CMD_HVC &&
	    previous != CMD_EXPECT) {
		return PROTO_ERR_ARGS;
	}
	if (v[0] >= REGS_COUNT) {
		return PROTO_ERR_RANGE;
	}

	op->reg_index = (uint32_t)v[0];
	op->value = v[1];
	op->mask = v[2];
	return PROTO_OK;
}

/* Only calls, bulk memory transfers and expectations may be chained. */
static enum proto_status cmd_parse_chained(struct cmd_req *op,
					   enum cmd_verb previous)
{
	switch (op->verb) {
	case CMD_SMC:
	case CMD_HVC:
	case CMD_RDB:
	case CMD_WRB:
		return cmd_parse(op);
	case CMD_EXPECT:
		return cmd_parse_expect(op, previous);
	default:
		return PROTO_ERR_VERB;
	}
}

/*
 * Runs a chain (PROTOCOL.md, "Chains"). Every operation is checked before
 * any runs, so a chain with a bad one is refused whole; then they run in
 * order, each adding its result to the one reply, until the first fault or
 * expectation that does not hold.
 */
static void cmd_run_chain(const struct cmd_req *req)
{
	static struct cmd_req op;
	static struct regs_block last;
	struct proto_out out;
	enum proto_status status;
	enum cmd_verb previous = CMD_UNKNOWN;
	uint32_t pos = 0;
	bool holds;

	if (req->nargs == 0) {
		cmd_send_err(req->seq, PROTO_ERR_ARGS);
		return;
	}
	while (pos <= req->text.len) {
		status = cmd_chain_op(req->text, &pos, &op);
		if (status == PROTO_OK) {
			status = cmd_parse_chained(&op, previous);
		}
		if (status != PROTO_OK) {
			cmd_send_err(req->seq, status);
			return;
		}
		previous = op.verb;
	}

	proto_out_reply(&out, req->seq, "ok");
	pos = 0;
	previous = CMD_UNKNOWN;
	while (pos <= req->text.len) {
		(void)cmd_chain_op(req->text, &pos, &op);
		(void)cmd_parse_chained(&op, previous);
		if (previous != CMD_UNKNOWN) {
			proto_out_str(&out, " /");
		}
		previous = op.verb;
		if (op.verb == CMD_EXPECT) {
			holds = (last.x[op.reg_index] & op.mask) == op.value;
			proto_out_str(&out, holds ? " ok" : " no");
			if (!holds) {
				break;
			}
			continue;
		}
		if (exc_call(&op)) {
			proto_out_str(&out, " fault");
			cmd_out_fault_fields(&out);
			break;
		}
		proto_out_str(&out, " ok");
		cmd_out_fields(&out, &op);
		if (op.verb == CMD_SMC || op.verb == CMD_HVC) {
			last = op.reg;
		}
	}
	proto_out_end(&out);

	cmd_remember(req->seq, &out);
	proto_send(&out);
}

/* Whether the line is a request `>SEQ chain ...`, the only kind that may be longer than PROTO_LINE_MAX. */
static bool cmd_is_chain_line(const struct proto_line *line)
{
	static const char verb[] = "chain ";
	uint32_t i = 1;
	uint32_t j;

	while (i < line->len && line->buf[i] != ' ') {
		i++;
	}
	for (j = 0; verb[j] != '\0'; j++) {
		if (i + 1 + j >= line->len || line->buf[i + 1 + j] != verb[j]) {
			return false;
		}
	}
	return true;
}
#endif

void cmd_handle_line(const struct proto_line *line)
{
	static struct cmd_req req;
	enum proto_status status;

#ifdef AGENT_CHAIN
	if (line->len > PROTO_LINE_MAX && !cmd_is_chain_line(line)) {
		cmd_send_err(0, PROTO_ERR_SYNTAX);
		return;
	}
#else
	if (line->len > PROTO_LINE_MAX) {
		cmd_send_err(0, PROTO_ERR_SYNTAX);
		return;
	}
#endif

	status = cmd_split(line, &req);
	if (status != PROTO_OK) {
		cmd_send_err(req.seq, status);
		return;
	}

	/* A retransmission: answer from memory without running it again. */
	if (req.verb != CMD_HELLO && cmd_last.valid &&
	    cmd_last.seq == req.seq) {
		proto_send(&cmd_last.reply);
		return;
	}

#ifdef AGENT_CHAIN
	if (req.verb == CMD_CHAIN) {
		cmd_run_chain(&req);
		return;
	}
#endif
	status = cmd_parse(&req);
	if (status != PROTO_OK) {
		cmd_send_err(req.seq, status);
		return;
	}

	cmd_run(&req);
}
