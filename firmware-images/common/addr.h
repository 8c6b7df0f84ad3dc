/*
 * Addresses by address space, shared by both agents. A physical address and
 * an intermediate physical address are different one-field structs, so that
 * one cannot be passed where the other is meant, nor mixed with a length or
 * a register value, without a visible conversion.
 *
 * Both agents run with their MMU off, so the address a load or store uses is
 * the output of a stage 1 that does nothing: for the secure partition
 * (S-EL1, no stage 2 under TF-A's EL3 SPMC) a physical address; for the
 * normal-world agent an intermediate physical address, which is also the
 * physical one when it runs at EL2 or with no stage 2 below it.
 */

#pragma once

#include "types.h"

/* A physical address. */
struct addr_pa {
	uint64_t pa;
};

/* An intermediate physical address: the input of stage 2 translation. */
struct addr_ipa {
	uint64_t ipa;
};

static_assert(sizeof(struct addr_pa) == sizeof(uint64_t), "one field, no padding");
static_assert(sizeof(struct addr_ipa) == sizeof(uint64_t), "one field, no padding");

static inline struct addr_pa addr_pa_init(uint64_t pa)
{
	struct addr_pa addr = {pa};

	return addr;
}

static inline uint64_t addr_pa_value(struct addr_pa addr)
{
	return addr.pa;
}

static inline struct addr_pa addr_pa_add(struct addr_pa addr, uint64_t offset)
{
	return addr_pa_init(addr.pa + offset);
}

static inline struct addr_ipa addr_ipa_init(uint64_t ipa)
{
	struct addr_ipa addr = {ipa};

	return addr;
}

static inline uint64_t addr_ipa_value(struct addr_ipa addr)
{
	return addr.ipa;
}

static inline struct addr_ipa addr_ipa_add(struct addr_ipa addr,
					   uint64_t offset)
{
	return addr_ipa_init(addr.ipa + offset);
}

/*
 * [addr, addr + len) does not wrap past the top of the address space; an
 * empty range never does.
 */
static inline bool addr_span_ok(uint64_t addr, uint64_t len)
{
	return len == 0 || addr + (len - 1) >= addr;
}
