/*
 * FWCTS realm agent: entry point and the instances of the shared assembly
 * (common/asm_macros.S): the recovery guard around each command, the SMC
 * trampoline for RSI calls and the R-EL1 exception vectors.
 *
 * The RMM enters the REC at the image's first byte at R-EL1 with the MMU off
 * and the general registers zero (the host creates the REC with gprs all 0).
 */

#include "exc.h"

#include "common/asm_macros.S"

	.section .text.entry, "ax"
	.global	_start
	.type	_start, %function
_start:
	/* The agent handles no interrupts: keep everything masked for good. */
	msr	daifset, #0xf

	/* The vectors name the EL1 registers: R-EL1 only. */
	mrs	x9, CurrentEL
	ubfx	x9, x9, #2, #2
	cmp	x9, #1
	b.ne	realm_start_hang

	adr_l	x9, exc_vectors_el1
	msr	vbar_el1, x9
	isb

	start_stack_bss
	bl	realm_main

	.global	realm_start_hang
realm_start_hang:
	wfe
	b	realm_start_hang
	.size	_start, . - _start

	.text
	/* bool realm_exc_call(struct realm_cmd *cmd): realm_cmd_execute(cmd), guarded. */
	exc_guard realm_exc_call, realm_cmd_execute

	/* void realm_smc(struct regs_block *regs) (common/regs.h) */
	smc_trampoline realm_smc, smc

	.section .text.vectors, "ax"
	exc_vectors 1

	/* A fault outside a command is reported to the host (exc.c). */
	.text
	exc_sync 1, EXC_SPSR_DAIF | EXC_SPSR_EL1H
	exc_panic_path 1, realm_exc_panic, realm_start_hang

	exc_call_save_area
