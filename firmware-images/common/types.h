/*
 * Fixed-width types for the FWCTS agents (normal world and secure partition).
 *
 * The agents are freestanding and link no libc, so they take their integer
 * types from the compiler's predefined macros rather than from <stdint.h>.
 */

#pragma once

typedef __UINT8_TYPE__ uint8_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __UINT64_TYPE__ uint64_t;
typedef __INT32_TYPE__ int32_t;
typedef __INT64_TYPE__ int64_t;
typedef __UINTPTR_TYPE__ uintptr_t;
typedef __SIZE_TYPE__ size_t;

typedef _Bool bool;
#define true 1
#define false 0

#define NULL ((void *)0)

#define UINT32_MAX 0xffffffffU
#define UINT64_MAX 0xffffffffffffffffUL

#define static_assert _Static_assert
#define offsetof(type, member) __builtin_offsetof(type, member)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define noreturn _Noreturn

static_assert(sizeof(uint8_t) == 1, "uint8_t must be 1 byte");
static_assert(sizeof(uint16_t) == 2, "uint16_t must be 2 bytes");
static_assert(sizeof(uint32_t) == 4, "uint32_t must be 4 bytes");
static_assert(sizeof(uint64_t) == 8, "uint64_t must be 8 bytes");
static_assert(sizeof(uintptr_t) == 8, "the agents are AArch64 only");
