/*
 * Exception handling: recovery from synchronous exceptions taken while a
 * command runs, and the panic path for everything else.
 *
 * This header is included by start.S, so the layout of struct exc_jmp is
 * given as plain numbers first and checked against the C struct below.
 */

#pragma once

/* Offsets into struct exc_jmp, used by the assembly in start.S. */
#define EXC_JMP_X19 0
#define EXC_JMP_SP 96
#define EXC_JMP_ACTIVE 104
#define EXC_JMP_ESR 112
#define EXC_JMP_FAR 120
#define EXC_JMP_ELR 128
#define EXC_JMP_SIZE 136

/*
 * Register save area of the smc/hvc/exec trampolines in start.S: x18..x30
 * and sp, then the pointer to the smc register block.
 */
#define EXC_CALL_SAVE_REGS 112
#define EXC_CALL_SAVE_SIZE 128

/* SPSR for resuming at the agent's own EL on SP_ELx with DAIF masked. */
#define EXC_SPSR_DAIF (0xf << 6)
#define EXC_SPSR_EL1H 0x5
#define EXC_SPSR_EL2H 0x9

#ifndef __ASSEMBLER__

#include "types.h"

struct exc_jmp {
	/* x19..x30: the callee-saved registers plus the link register. */
	uint64_t callee[12];
	uint64_t sp;
	/* Non-zero while a command runs under exc_call(). */
	uint64_t active;
	/* Written by the vector code when it recovers from an exception. */
	uint64_t esr;
	uint64_t far;
	uint64_t elr;
};

static_assert(offsetof(struct exc_jmp, callee) == EXC_JMP_X19, "x19");
static_assert(offsetof(struct exc_jmp, sp) == EXC_JMP_SP, "sp");
static_assert(offsetof(struct exc_jmp, active) == EXC_JMP_ACTIVE, "active");
static_assert(offsetof(struct exc_jmp, esr) == EXC_JMP_ESR, "esr");
static_assert(offsetof(struct exc_jmp, far) == EXC_JMP_FAR, "far");
static_assert(offsetof(struct exc_jmp, elr) == EXC_JMP_ELR, "elr");
static_assert(sizeof(struct exc_jmp) == EXC_JMP_SIZE, "size");

struct cmd_req;

/* The syndrome of the exception that ended the last exc_call(). */
struct exc_fault {
	uint64_t esr;
	uint64_t far;
	uint64_t elr;
};

/*
 * Runs cmd_execute(req) with a recovery context armed (start.S). Returns
 * false if it returned normally, true if a synchronous exception was taken;
 * exc_last_fault() then describes it.
 */
bool exc_call(struct cmd_req *req);

struct exc_fault exc_last_fault(void);
uint32_t exc_current_el(void);

/* Called from the vectors with a fresh stack; prints `!panic` and stops. */
noreturn void exc_panic(uint64_t esr, uint64_t far, uint64_t elr);

#endif /* __ASSEMBLER__ */
