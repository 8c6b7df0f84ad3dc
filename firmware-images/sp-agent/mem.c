/*
 * Memory access on behalf of the requester.
 *
 * Each access is inline assembly so that it is exactly one load or store of
 * the requested width: the compiler may neither merge, split nor drop it.
 */

#include "mem.h"

#include "../agent/crc32.h"

static inline uint8_t sp_mem_load8(uint64_t addr)
{
	uint32_t v;

	__asm__ volatile("ldrb %w0, [%1]" : "=r"(v) : "r"(addr) : "memory");
	return (uint8_t)v;
}

static inline void sp_mem_store8(uint64_t addr, uint8_t v)
{
	__asm__ volatile("strb %w0, [%1]" : : "r"(v), "r"(addr) : "memory");
}

static uint64_t sp_mem_load(uint64_t addr, uint32_t width)
{
	uint64_t v;

	switch (width) {
	case 2:
		__asm__ volatile("ldrh %w0, [%1]"
				 : "=r"(v)
				 : "r"(addr)
				 : "memory");
		return v;
	case 4:
		__asm__ volatile("ldr %w0, [%1]"
				 : "=r"(v)
				 : "r"(addr)
				 : "memory");
		return v;
	case 8:
		__asm__ volatile("ldr %0, [%1]"
				 : "=r"(v)
				 : "r"(addr)
				 : "memory");
		return v;
	default:
		return sp_mem_load8(addr);
	}
}

static void sp_mem_store(uint64_t addr, uint32_t width, uint64_t v)
{
	switch (width) {
	case 2:
		__asm__ volatile("strh %w0, [%1]"
				 :
				 : "r"(v), "r"(addr)
				 : "memory");
		break;
	case 4:
		__asm__ volatile("str %w0, [%1]"
				 :
				 : "r"(v), "r"(addr)
				 : "memory");
		break;
	case 8:
		__asm__ volatile("str %0, [%1]"
				 :
				 : "r"(v), "r"(addr)
				 : "memory");
		break;
	default:
		sp_mem_store8(addr, (uint8_t)v);
		break;
	}
}

void sp_mem_read(struct sp_pa pa, uint32_t width, uint32_t len, uint8_t *out)
{
	uint64_t v;
	uint32_t i;
	uint32_t j;

	for (i = 0; i < len; i += width) {
		v = sp_mem_load(pa.value + i, width);
		for (j = 0; j < width; j++) {
			out[i + j] = (uint8_t)(v >> (8 * j));
		}
	}
}

void sp_mem_write(struct sp_pa pa, uint32_t width, uint32_t len,
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
		sp_mem_store(pa.value + i, width, v);
	}
}

void sp_mem_fill(struct sp_pa pa, uint64_t len, uint8_t byte)
{
	uint64_t i;

	for (i = 0; i < len; i++) {
		sp_mem_store8(pa.value + i, byte);
	}
}

uint32_t sp_mem_hash(struct sp_pa pa, uint64_t len)
{
	uint32_t state = CRC_INIT;
	uint64_t i;

	for (i = 0; i < len; i++) {
		state = crc_byte(state, sp_mem_load8(pa.value + i));
	}

	return crc_final(state);
}
