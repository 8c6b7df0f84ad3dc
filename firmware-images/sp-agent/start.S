/*
 * FWCTS SP agent: entry point and the instances of the shared assembly
 * (common/asm_macros.S): the recovery guard around each command, the
 * trampolines that leave the agent (SMC, exec) and the exception vectors.
 *
 * The EL3 SPMC enters the partition at the first byte of its image at
 * S-EL1, on SP_EL1, with DAIF masked and the MMU off, x4 = linear core ID
 * (TF-A services/std_svc/spm/el3_spmc/spmc_setup.c). The agent keeps the
 * MMU off: every address it is given is a physical address.
 */

#include "exc.h"

#include "common/asm_macros.S"

	.section .text.entry, "ax"
	.global	_start
	.type	_start, %function
_start:
	/* No interrupts are handled: keep everything masked for good. */
	msr	daifset, #0xf

	/* The vectors name the EL1 registers: S-EL1 only. */
	mrs	x9, CurrentEL
	ubfx	x9, x9, #2, #2
	cmp	x9, #1
	b.ne	sp_start_hang

	adr_l	x9, exc_vectors_el1
	msr	vbar_el1, x9
	isb

	start_stack_bss
	bl	sp_main

	.global	sp_start_hang
sp_start_hang:
	wfe
	b	sp_start_hang
	.size	_start, . - _start

	.text
	/* bool sp_exc_call(struct sp_cmd *cmd): sp_cmd_execute(cmd), guarded. */
	exc_guard sp_exc_call, sp_cmd_execute

	/* void sp_ffa_smc(struct regs_block *regs) (ffa.h, common/regs.h) */
	smc_trampoline sp_ffa_smc, smc
	exec_trampoline mem_exec

	.section .text.vectors, "ax"
	exc_vectors 1

	/*
	 * A fault that cannot be recovered from is reported on the console;
	 * the partition then stops.
	 */
	.text
	exc_sync 1, EXC_SPSR_DAIF | EXC_SPSR_EL1H
	exc_panic_path 1, sp_exc_panic, sp_start_hang

	exc_call_save_area
