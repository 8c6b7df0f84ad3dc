/*
 * The register block of an SMC or HVC call, shared by both agents.
 *
 * SMCCC v1.2 and later pass arguments and results of a call in x0..x17; the
 * agents' trampolines (start.S) load and store exactly this block, x[i] at
 * byte offset 8 * i.
 */

#pragma once

#include "types.h"

#define REGS_COUNT 18

struct regs_block {
	uint64_t x[REGS_COUNT];
};

static_assert(sizeof(struct regs_block) == REGS_COUNT * 8,
	      "x0..x17 at offsets 0..136, as the trampolines expect");
static_assert(offsetof(struct regs_block, x) == 0,
	      "the trampolines address x0 at the block's start");

/* Zeroes the block and puts x0 in it. */
static inline void regs_init(struct regs_block *regs, uint64_t x0)
{
	uint32_t i;

	for (i = 0; i < REGS_COUNT; i++) {
		regs->x[i] = 0;
	}
	regs->x[0] = x0;
}
