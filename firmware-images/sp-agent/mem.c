/*
 * Memory access on behalf of the requester: FF-A carries the bytes packed
 * little-endian into registers, and each access is one of common/mem.c.
 */

#include "mem.h"

void sp_mem_read(struct addr_pa pa, uint32_t width, uint32_t len,
		 uint8_t *out)
{
	uint64_t v;
	uint32_t i;
	uint32_t j;

	for (i = 0; i < len; i += width) {
		v = mem_read(addr_pa_value(addr_pa_add(pa, i)), width);
		for (j = 0; j < width; j++) {
			out[i + j] = (uint8_t)(v >> (8 * j));
		}
	}
}

void sp_mem_write(struct addr_pa pa, uint32_t width, uint32_t len,
		  const uint8_t *in)
{
	uint64_t v;
	uint32_t i;
	uint32_t j;

	for (i = 0; i < len; i += width) {
		v = 0;
		for (j = 0; j < width; j++) {
			v |= (uint64_t)in[i + j] << (8 * j);
		}
		mem_write(addr_pa_value(addr_pa_add(pa, i)), width, v);
	}
}
