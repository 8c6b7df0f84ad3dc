/*
 * CRC-32 (IEEE 802.3, reflected polynomial 0xedb88320), as used by zlib and
 * Ethernet. It frames every protocol line and implements the `hash` command.
 *
 * Usage: state = CRC_INIT; state = crc_byte(state, b) for each byte;
 * crc = crc_final(state).
 */

#pragma once

#include "types.h"

#define CRC_INIT 0xffffffffU

extern const uint32_t crc_table[256];

static inline uint32_t crc_byte(uint32_t state, uint8_t byte)
{
	return crc_table[(state ^ byte) & 0xff] ^ (state >> 8);
}

static inline uint32_t crc_final(uint32_t state)
{
	return state ^ 0xffffffffU;
}

uint32_t crc_buf(const char *buf, uint32_t len);
