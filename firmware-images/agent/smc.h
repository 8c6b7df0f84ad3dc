/*
 * SMC and HVC calls with the SMCCC v1.2 register set (start.S).
 */

#pragma once

#include "common/types.h"

/* x0..x17 carry arguments and results in SMCCC v1.2. */
#define SMC_REGS 18

/* start.S loads and stores exactly x0..x17 at offsets 0..136. */
static_assert(SMC_REGS == 18, "the trampolines handle 18 registers");

/*
 * Loads x0..x17 from regs, executes SMC #0 (or HVC #0) and stores x0..x17
 * back. The trampolines also restore x18..x30 and sp themselves, so that a
 * callee which breaks the calling convention cannot corrupt the agent.
 */
void smc_call(uint64_t regs[SMC_REGS]);
void smc_hvc_call(uint64_t regs[SMC_REGS]);
