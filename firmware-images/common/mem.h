/*
 * Memory access and code execution on behalf of the host, shared by both
 * agents. With the MMU off every address is a physical address.
 *
 * All of these may take a synchronous exception; they are only called from a
 * command run under the recovery guard (exc.h).
 */

#pragma once

#include "types.h"

/*
 * Exactly one access of width bytes. The caller has checked that width is 1,
 * 2, 4 or 8 and that addr is aligned to it.
 */
uint64_t mem_read(uint64_t addr, uint32_t width);
void mem_write(uint64_t addr, uint32_t width, uint64_t value);

void mem_read_bytes(uint64_t addr, uint8_t *buf, uint32_t len);
void mem_write_bytes(uint64_t addr, const uint8_t *buf, uint32_t len);
void mem_fill(uint64_t addr, uint64_t len, uint8_t byte);
uint32_t mem_hash(uint64_t addr, uint64_t len);

/* Branches with link to addr with x0 = arg; returns x0 (asm_macros.S). */
uint64_t mem_exec(uint64_t addr, uint64_t arg);
