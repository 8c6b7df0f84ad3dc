/*
 * Memory access and code execution on behalf of the requester: the shared
 * accesses of common/mem.h, on physical addresses (common/addr.h), with
 * FF-A's packing of bytes into registers.
 *
 * The agent runs with its MMU off, so an address is a physical address in
 * the Secure PA space (on QEMU virt that space also shows non-secure RAM).
 * All of these may take a synchronous exception; they are only called from
 * sp_cmd_execute(), which runs under sp_exc_call().
 */

#pragma once

#include "common/addr.h"
#include "common/mem.h"
#include "common/types.h"

/*
 * len bytes from pa, read with accesses of width bytes (1, 2, 4 or 8); each
 * value read is stored little-endian into out. The caller has checked that
 * pa and len are multiples of width.
 */
void sp_mem_read(struct addr_pa pa, uint32_t width, uint32_t len,
		 uint8_t *out);
void sp_mem_write(struct addr_pa pa, uint32_t width, uint32_t len,
		  const uint8_t *in);

static inline void sp_mem_fill(struct addr_pa pa, uint64_t len, uint8_t byte)
{
	mem_fill(addr_pa_value(pa), len, byte);
}

static inline uint32_t sp_mem_hash(struct addr_pa pa, uint64_t len)
{
	return mem_hash(addr_pa_value(pa), len);
}

/* Branches with link to pa with x0 = arg; returns x0 when the code returns. */
static inline uint64_t sp_mem_exec(struct addr_pa pa, uint64_t arg)
{
	return mem_exec(addr_pa_value(pa), arg);
}
