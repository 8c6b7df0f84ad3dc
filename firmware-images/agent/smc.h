/*
 * SMC and HVC calls with the SMCCC v1.2 register set (start.S).
 */

#pragma once

#include "common/regs.h"
#include "common/types.h"

/*
 * Loads x0..x17 from regs, executes SMC #0 (or HVC #0) and stores x0..x17
 * back. The trampolines also restore x18..x30 and sp themselves, so that a
 * callee which breaks the calling convention cannot corrupt the agent.
 */
void smc_call(struct regs_block *regs);
void smc_hvc_call(struct regs_block *regs);
