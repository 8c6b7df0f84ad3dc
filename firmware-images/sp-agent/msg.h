/*
 * Direct messages: a request as the SP agent sees it (sender, width and the
 * payload registers), and the response that answers it.
 *
 * DEN0077A v1.2, direct messaging ABIs: DIRECT_REQ/RESP carry their payload
 * in x3..x7 (w3..w7 for the SMC32 forms), DIRECT_REQ2/RESP2 in x4..x17.
 */

#pragma once

#include "ffa.h"

/* x3..x7 of DIRECT_REQ and DIRECT_RESP. */
#define SP_MSG_PAYLOAD_REQ 5
#define SP_MSG_FIRST_REQ 3

/* x4..x17 of DIRECT_REQ2 and DIRECT_RESP2. */
#define SP_MSG_PAYLOAD_REQ2 14
#define SP_MSG_FIRST_REQ2 4

#define SP_MSG_PAYLOAD_MAX SP_MSG_PAYLOAD_REQ2

static_assert(SP_MSG_FIRST_REQ + SP_MSG_PAYLOAD_REQ <= 8, "x3..x7");
static_assert(SP_MSG_FIRST_REQ2 + SP_MSG_PAYLOAD_REQ2 == REGS_COUNT,
	      "x4..x17");

enum sp_msg_kind {
	SP_MSG_REQ_32,
	SP_MSG_REQ_64,
	SP_MSG_REQ2,
};

/* One received direct request. */
struct sp_msg {
	enum sp_msg_kind kind;
	uint16_t sender;
	uint16_t receiver;
	/* DIRECT_REQ with x2 bit 31 set: a framework message. */
	bool framework;
	/* Payload registers (5 or 14) and data bytes in each (4 or 8). */
	uint32_t count;
	uint32_t width;
	/* Payload, zero-extended from w registers for SMC32 requests. */
	uint64_t p[SP_MSG_PAYLOAD_MAX];
};

/*
 * Decodes regs as a direct request. Returns false, leaving msg unchanged,
 * if x0 is not DIRECT_REQ (32 or 64) or DIRECT_REQ2.
 */
bool sp_msg_decode(const struct regs_block *regs, struct sp_msg *msg);

/*
 * Writes into regs the response to msg from own_id: the RESP form that
 * matches the request's, and payload r[0..msg->count), truncated to 32 bits
 * for an SMC32 request. Every other register is zero.
 */
void sp_msg_encode(const struct sp_msg *msg, uint16_t own_id, const uint64_t *r,
		   struct regs_block *regs);

/* Byte i of a payload packed little-endian, width bytes per register. */
uint8_t sp_msg_byte(const uint64_t *p, uint32_t width, uint32_t i);
void sp_msg_set_byte(uint64_t *p, uint32_t width, uint32_t i, uint8_t byte);
