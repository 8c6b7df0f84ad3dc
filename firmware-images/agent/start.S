/*
 * FWCTS agent: entry point and the instances of the shared assembly
 * (common/asm_macros.S): the recovery guard around each command, the
 * trampolines that leave the agent (SMC, HVC, exec) and the exception
 * vectors.
 *
 * The agent runs at whichever EL it is entered at, EL2 or EL1. The vector
 * code has to name the EL's own system registers, so there is one vector
 * table per EL, generated from the same macros.
 */

#include "exc.h"

#include "common/asm_macros.S"

	.section .text.entry, "ax"
	.global	_start
	.type	_start, %function
_start:
	/* Polled UART, no interrupts: keep everything masked for good. */
	msr	daifset, #0xf

	mrs	x0, CurrentEL
	ubfx	x0, x0, #2, #2
	cmp	x0, #2
	b.eq	1f
	cmp	x0, #1
	b.eq	2f
	/* EL3 or EL0: the agent is not built for these. */
	b	start_hang

1:	adr_l	x1, exc_vectors_el2
	msr	vbar_el2, x1
	b	3f
2:	adr_l	x1, exc_vectors_el1
	msr	vbar_el1, x1
3:	isb

	start_stack_bss
	bl	agent_main

	.global	start_hang
start_hang:
	wfe
	b	start_hang

	.text
	/* bool exc_call(struct cmd_req *req): cmd_execute(req), guarded. */
	exc_guard exc_call, cmd_execute

	/* void smc_call(uint64_t regs[18]), void smc_hvc_call(...) (smc.h) */
	smc_trampoline smc_call, smc
	smc_trampoline smc_hvc_call, hvc
	exec_trampoline mem_exec

	.section .text.vectors, "ax"
	exc_vectors 2
	exc_vectors 1

	/* A fault that cannot be recovered from prints `!panic` and stops. */
	.text
	exc_sync 2, EXC_SPSR_DAIF | EXC_SPSR_EL2H
	exc_sync 1, EXC_SPSR_DAIF | EXC_SPSR_EL1H
	exc_panic_path 2, exc_panic, start_hang
	exc_panic_path 1, exc_panic, start_hang

	exc_call_save_area
