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

#ifdef AGENT_VM
	/*
	 * vCPU 1 of a virtual machine's agent (vcpu.c), entered by PSCI CPU_ON
	 * at EL1 with its stack top in x0.
	 */
	.global	vcpu_secondary_entry
	.type	vcpu_secondary_entry, %function
vcpu_secondary_entry:
	msr	daifset, #0xf
	adr_l	x1, exc_vectors_el1
	msr	vbar_el1, x1
	isb
	msr	spsel, #1
	mov	sp, x0
	bl	vcpu_secondary_main
	b	start_hang

	/*
	 * void vcpu_secondary_call(struct regs_block *regs, uint64_t hvc): the
	 * SMC/HVC trampoline of vCPU 1, saving on its own stack because the
	 * shared save area belongs to vCPU 0.
	 */
	.global	vcpu_secondary_call
	.type	vcpu_secondary_call, %function
vcpu_secondary_call:
	sub	sp, sp, #128
	stp	x18, x19, [sp, #0]
	stp	x20, x21, [sp, #16]
	stp	x22, x23, [sp, #32]
	stp	x24, x25, [sp, #48]
	stp	x26, x27, [sp, #64]
	stp	x28, x29, [sp, #80]
	stp	x30, x0, [sp, #96]
	mov	x18, x0
	cbnz	x1, 1f
	smc_regs ldp
	smc	#0
	b	2f
1:	smc_regs ldp
	hvc	#0
2:	ldr	x18, [sp, #104]
	smc_regs stp
	ldp	x18, x19, [sp, #0]
	ldp	x20, x21, [sp, #16]
	ldp	x22, x23, [sp, #32]
	ldp	x24, x25, [sp, #48]
	ldp	x26, x27, [sp, #64]
	ldp	x28, x29, [sp, #80]
	ldr	x30, [sp, #96]
	add	sp, sp, #128
	ret
	.size	vcpu_secondary_call, . - vcpu_secondary_call
#endif

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
