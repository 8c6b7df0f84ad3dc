/*
 * The VM agent's scratch memory (scratch.h). It lives in .bss, so it reads
 * as zeros after boot; nothing in the agent writes it afterwards.
 */

#include "scratch.h"

static uint8_t scratch_area[SCRATCH_SIZE] __attribute__((aligned(4096)));

uint64_t scratch_base(void)
{
	return (uint64_t)(uintptr_t)scratch_area;
}
