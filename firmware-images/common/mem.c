/*
 * Memory access on behalf of the host, shared by both agents.
 *
 * Each access is written as inline assembly so that it is exactly one load
 * or store of the requested width: the compiler may neither merge, split nor
 * drop it, which matters for device registers.
 */

#include "mem.h"

#include "crc32.h"

static inline uint8_t mem_load8(uint64_t addr)
{
	uint32_t v;

	__asm__ volatile("ldrb %w0, [%1]" : "=r"(v) : "r"(addr) : "memory");
	return (uint8_t)v;
}

static inline void mem_store8(uint64_t addr, uint8_t v)
{
	__asm__ volatile("strb %w0, [%1]" : : "r"(v), "r"(addr) : "memory");
}

uint64_t mem_read(uint64_t addr, uint32_t width)
{
	uint64_t v;

	switch (width) {
	case 1:
		return mem_load8(addr);
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
	default:
		__asm__ volatile("ldr %0, [%1]"
				 : "=r"(v)
				 : "r"(addr)
				 : "memory");
		return v;
	}
}

void mem_write(uint64_t addr, uint32_t width, uint64_t value)
{
	switch (width) {
	case 1:
		mem_store8(addr, (uint8_t)value);
		break;
	case 2:
		__asm__ volatile("strh %w0, [%1]"
				 :
				 : "r"(value), "r"(addr)
				 : "memory");
		break;
	case 4:
		__asm__ volatile("str %w0, [%1]"
				 :
				 : "r"(value), "r"(addr)
				 : "memory");
		break;
	default:
		__asm__ volatile("str %0, [%1]"
				 :
				 : "r"(value), "r"(addr)
				 : "memory");
		break;
	}
}

void mem_read_bytes(uint64_t addr, uint8_t *buf, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < len; i++) {
		buf[i] = mem_load8(addr + i);
	}
}

void mem_write_bytes(uint64_t addr, const uint8_t *buf, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < len; i++) {
		mem_store8(addr + i, buf[i]);
	}
}

void mem_fill(uint64_t addr, uint64_t len, uint8_t byte)
{
	uint64_t i;

	for (i = 0; i < len; i++) {
		mem_store8(addr + i, byte);
	}
}

uint32_t mem_hash(uint64_t addr, uint64_t len)
{
	uint32_t state = CRC_INIT;
	uint64_t i;

	for (i = 0; i < len; i++) {
		state = crc_byte(state, mem_load8(addr + i));
	}

	return crc_final(state);
}
