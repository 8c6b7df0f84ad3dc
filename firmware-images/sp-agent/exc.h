/*
 * Exception handling: recovery from synchronous exceptions taken while a
 * command runs, and the panic path for everything else.
 *
 * This header is included by start.S, so the layout of struct sp_exc_jmp is
 * given as plain numbers first and checked against the C struct below.
 */

#pragma once

/* Offsets into struct sp_exc_jmp, used by the assembly in start.S. */
#define SP_EXC_JMP_X19 0
#define SP_EXC_JMP_SP 96
#define SP_EXC_JMP_ACTIVE 104
#define SP_EXC_JMP_ESR 112
#define SP_EXC_JMP_FAR 120
#define SP_EXC_JMP_ELR 128
#define SP_EXC_JMP_SIZE 136

/*
 * Register save area of the SMC and exec trampolines in start.S: x18..x30
 * and sp, then the pointer to the register block.
 */
#define SP_EXC_CALL_SAVE_REGS 112
#define SP_EXC_CALL_SAVE_SIZE 128

/* SPSR for resuming at S-EL1 on SP_EL1 with DAIF masked. */
#define SP_EXC_SPSR_EL1H_DAIF ((0xf << 6) | 0x5)

#ifndef __ASSEMBLER__

#include "../agent/types.h"

struct sp_exc_jmp {
	/* x19..x30: the callee-saved registers plus the link register. */
	uint64_t callee[12];
	uint64_t sp;
	/* Non-zero while a command runs under sp_exc_call(). */
	uint64_t active;
	/* Written by the vector code when it recovers from an exception. */
	uint64_t esr;
	uint64_t far;
	uint64_t elr;
};

static_assert(offsetof(struct sp_exc_jmp, callee) == SP_EXC_JMP_X19, "x19");
static_assert(offsetof(struct sp_exc_jmp, sp) == SP_EXC_JMP_SP, "sp");
static_assert(offsetof(struct sp_exc_jmp, active) == SP_EXC_JMP_ACTIVE,
	      "active");
static_assert(offsetof(struct sp_exc_jmp, esr) == SP_EXC_JMP_ESR, "esr");
static_assert(offsetof(struct sp_exc_jmp, far) == SP_EXC_JMP_FAR, "far");
static_assert(offsetof(struct sp_exc_jmp, elr) == SP_EXC_JMP_ELR, "elr");
static_assert(sizeof(struct sp_exc_jmp) == SP_EXC_JMP_SIZE, "size");

struct sp_cmd;

/* The syndrome of the exception that ended the last sp_exc_call(). */
struct sp_exc_fault {
	uint64_t esr;
	uint64_t far;
	uint64_t elr;
};

/*
 * Runs sp_cmd_execute(cmd) with a recovery context armed (start.S). Returns
 * false if it returned normally, true if a synchronous exception was taken;
 * sp_exc_last_fault() then describes it.
 */
bool sp_exc_call(struct sp_cmd *cmd);

struct sp_exc_fault sp_exc_last_fault(void);

/* Called from the vectors on a fresh stack; reports on the UART, stops. */
noreturn void sp_exc_panic(uint64_t esr, uint64_t far, uint64_t elr);

#endif /* __ASSEMBLER__ */
