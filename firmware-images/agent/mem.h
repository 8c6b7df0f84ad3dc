/*
 * Memory access and code execution on behalf of the host.
 *
 * All of these may take a synchronous exception; they are only called from
 * cmd_execute(), which runs under exc_call().
 */

#pragma once

#include "types.h"

uint64_t mem_read(uint64_t addr, uint32_t width);
void mem_write(uint64_t addr, uint32_t width, uint64_t value);
void mem_read_bytes(uint64_t addr, uint8_t *buf, uint32_t len);
void mem_write_bytes(uint64_t addr, const uint8_t *buf, uint32_t len);
void mem_fill(uint64_t addr, uint64_t len, uint8_t byte);
uint32_t mem_hash(uint64_t addr, uint64_t len);

/* Branches with link to addr with x0 = arg; returns x0 (start.S). */
uint64_t mem_exec(uint64_t addr, uint64_t arg);
