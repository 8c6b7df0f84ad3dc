/*
 * The recovery context shared by both agents: a setjmp-like guard around each
 * command, armed by the assembly of asm_macros.S, which records the syndrome
 * of a synchronous exception taken while the command runs.
 *
 * This header is included by assembly, so the layout of struct exc_jmp is
 * given as plain numbers first and checked against the C struct below.
 */

#pragma once

/* Offsets into struct exc_jmp, used by the assembly in asm_macros.S. */
#define EXC_JMP_X19 0
#define EXC_JMP_SP 96
#define EXC_JMP_ACTIVE 104
#define EXC_JMP_ESR 112
#define EXC_JMP_FAR 120
#define EXC_JMP_ELR 128
#define EXC_JMP_SIZE 136

/*
 * Register save area of the SMC/HVC and exec trampolines: x18..x30 and sp,
 * then the pointer to the register block.
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
	/* Non-zero while a command runs under the guard. */
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

/* The syndrome of the exception that ended the last guarded command. */
struct exc_fault {
	uint64_t esr;
	uint64_t far;
	uint64_t elr;
};

struct exc_fault exc_last_fault(void);

#endif /* __ASSEMBLER__ */
