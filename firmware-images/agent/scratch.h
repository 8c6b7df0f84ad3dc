/*
 * Memory a VM agent leaves to the host (PROTOCOL.md, "Scratch memory"): page
 * aligned, touched by no command of the agent, so that the host can place
 * there what a call passes by address (an OP-TEE message, the buffers it
 * hands out for RPCs) and read it back with `rdb` after the call.
 */

#pragma once

#include "common/types.h"

/* 64 pages of 4 KiB. */
#define SCRATCH_SIZE 0x40000ULL

/* The area's first address, as the VM's own accesses (and its IPAs) see it. */
uint64_t scratch_base(void);
