/*
 * FF-A register block helpers; the SMC itself is in start.S.
 */

#include "ffa.h"

void sp_ffa_init(struct sp_ffa_regs *regs, uint32_t fid)
{
	uint32_t i;

	for (i = 0; i < SP_FFA_REGS; i++) {
		regs->x[i] = 0;
	}
	regs->x[0] = fid;
}
