/*
 * Direct request decoding and response encoding.
 */

#include "msg.h"

static uint64_t sp_msg_mask(enum sp_msg_kind kind, uint64_t value)
{
	return kind == SP_MSG_REQ_32 ? (value & UINT32_MAX) : value;
}

bool sp_msg_decode(const struct regs_block *regs, struct sp_msg *msg)
{
	uint32_t first;
	uint32_t i;

	switch (regs->x[0]) {
	case SP_FFA_DIRECT_REQ_32:
		msg->kind = SP_MSG_REQ_32;
		break;
	case SP_FFA_DIRECT_REQ_64:
		msg->kind = SP_MSG_REQ_64;
		break;
	case SP_FFA_DIRECT_REQ2:
		msg->kind = SP_MSG_REQ2;
		break;
	default:
		return false;
	}

	msg->sender = (uint16_t)(regs->x[1] >> 16);
	msg->receiver = (uint16_t)regs->x[1];
	/* In DIRECT_REQ2, x2 and x3 hold the UUID, not flags. */
	msg->framework = msg->kind != SP_MSG_REQ2 &&
			 (regs->x[2] & SP_FFA_FRAMEWORK_BIT) != 0;
	msg->count = msg->kind == SP_MSG_REQ2 ? SP_MSG_PAYLOAD_REQ2
					      : SP_MSG_PAYLOAD_REQ;
	msg->width = msg->kind == SP_MSG_REQ_32 ? 4 : 8;
	first = msg->kind == SP_MSG_REQ2 ? SP_MSG_FIRST_REQ2 : SP_MSG_FIRST_REQ;
	for (i = 0; i < SP_MSG_PAYLOAD_MAX; i++) {
		msg->p[i] = i < msg->count
				    ? sp_msg_mask(msg->kind, regs->x[first + i])
				    : 0;
	}

	return true;
}

static uint32_t sp_msg_resp_fid(enum sp_msg_kind kind)
{
	switch (kind) {
	case SP_MSG_REQ_32:
		return SP_FFA_DIRECT_RESP_32;
	case SP_MSG_REQ_64:
		return SP_FFA_DIRECT_RESP_64;
	default:
		return SP_FFA_DIRECT_RESP2;
	}
}

void sp_msg_encode(const struct sp_msg *msg, uint16_t own_id, const uint64_t *r,
		   struct regs_block *regs)
{
	uint32_t first;
	uint32_t i;

	regs_init(regs, sp_msg_resp_fid(msg->kind));
	/* Source in [31:16], destination (the requester) in [15:0]. */
	regs->x[1] = ((uint64_t)own_id << 16) | msg->sender;
	first = msg->kind == SP_MSG_REQ2 ? SP_MSG_FIRST_REQ2 : SP_MSG_FIRST_REQ;
	for (i = 0; i < msg->count; i++) {
		regs->x[first + i] = sp_msg_mask(msg->kind, r[i]);
	}
}

uint8_t sp_msg_byte(const uint64_t *p, uint32_t width, uint32_t i)
{
	return (uint8_t)(p[i / width] >> (8 * (i % width)));
}

void sp_msg_set_byte(uint64_t *p, uint32_t width, uint32_t i, uint8_t byte)
{
	uint32_t shift = 8 * (i % width);

	p[i / width] &= ~((uint64_t)0xff << shift);
	p[i / width] |= (uint64_t)byte << shift;
}
