/*
 * RSI_HOST_CALL with the agent's host-call structure.
 */

#include "hostcall.h"

#include "common/regs.h"

void realm_smc(struct regs_block *regs);

/* Alone in its granule, so no other data shares the page the RMM maps. */
struct host_call host_call_block __attribute__((aligned(4096), section(".bss.host_call")));

void host_call_begin(uint32_t kind)
{
	uint32_t i;

	host_call_block.imm = REALM_HOST_CALL_IMM;
	for (i = 0; i < HOST_CALL_GPRS; i++) {
		host_call_block.gprs[i] = 0;
	}
	host_call_block.gprs[0] = REALM_MAGIC;
	host_call_block.gprs[1] = kind;
}

void host_call_exchange(void)
{
	struct regs_block regs;

	regs_init(&regs, RSI_HOST_CALL_FID);
	regs.x[1] = (uint64_t)(uintptr_t)&host_call_block;
	realm_smc(&regs);
}
