/*
 * FWCTS agent: entry point, exception vectors, the recovery context used to
 * survive synchronous exceptions during a command, and the trampolines that
 * leave the agent (SMC, HVC, exec).
 *
 * The agent runs at whichever EL it is entered at, EL2 or EL1. The vector
 * code has to name the EL's own system registers, so there is one vector
 * table per EL, generated from the same macros.
 */

#include "exc.h"

/* Address of a symbol within +-4 GiB, independent of the link address. */
.macro adr_l reg, sym
	adrp	\reg, \sym
	add	\reg, \reg, :lo12:\sym
.endm

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

	/* Run on SP_ELx so that the "current EL with SPx" vectors apply. */
	msr	spsel, #1
	adr_l	x1, __stack_top
	mov	sp, x1

	/* Zero .bss; the linker script aligns both ends to 16 bytes. */
	adr_l	x1, __bss_start
	adr_l	x2, __bss_end
4:	cmp	x1, x2
	b.hs	5f
	stp	xzr, xzr, [x1], #16
	b	4b

5:	bl	agent_main

	.global	start_hang
start_hang:
	wfe
	b	start_hang

/*
 * bool exc_call(struct cmd_req *req)
 *
 * A setjmp-like guard: saves x19..x30 and sp, marks the context active and
 * calls cmd_execute(req). If cmd_execute returns, the result is 0. If a
 * synchronous exception is taken meanwhile, the vector code records the
 * syndrome and erets to exc_recover, which restores the saved state and
 * returns 1 from exc_call. The saved state is restored on both paths, so code
 * run by `exec` that breaks the calling convention cannot corrupt the caller.
 */
	.text
	.global	exc_call
	.type	exc_call, %function
exc_call:
	adr_l	x9, exc_jmp
	stp	x19, x20, [x9, #EXC_JMP_X19 + 0]
	stp	x21, x22, [x9, #EXC_JMP_X19 + 16]
	stp	x23, x24, [x9, #EXC_JMP_X19 + 32]
	stp	x25, x26, [x9, #EXC_JMP_X19 + 48]
	stp	x27, x28, [x9, #EXC_JMP_X19 + 64]
	stp	x29, x30, [x9, #EXC_JMP_X19 + 80]
	mov	x10, sp
	mov	x11, #1
	stp	x10, x11, [x9, #EXC_JMP_SP]
	bl	cmd_execute
	mov	x0, #0
	b	exc_restore

exc_recover:
	mov	x0, #1
exc_restore:
	adr_l	x9, exc_jmp
	ldp	x19, x20, [x9, #EXC_JMP_X19 + 0]
	ldp	x21, x22, [x9, #EXC_JMP_X19 + 16]
	ldp	x23, x24, [x9, #EXC_JMP_X19 + 32]
	ldp	x25, x26, [x9, #EXC_JMP_X19 + 48]
	ldp	x27, x28, [x9, #EXC_JMP_X19 + 64]
	ldp	x29, x30, [x9, #EXC_JMP_X19 + 80]
	ldr	x10, [x9, #EXC_JMP_SP]
	str	xzr, [x9, #EXC_JMP_ACTIVE]
	mov	sp, x10
	ret
	.size	exc_call, . - exc_call

/*
 * Save and restore x18..x30 and sp around a call out of the agent. Clobbers
 * x9 and x10; x9 points at the save area after save_call_regs.
 */
.macro save_call_regs
	adr_l	x9, exc_call_save
	stp	x18, x19, [x9, #0]
	stp	x20, x21, [x9, #16]
	stp	x22, x23, [x9, #32]
	stp	x24, x25, [x9, #48]
	stp	x26, x27, [x9, #64]
	stp	x28, x29, [x9, #80]
	mov	x10, sp
	stp	x30, x10, [x9, #96]
.endm

.macro restore_call_regs
	adr_l	x9, exc_call_save
	ldp	x18, x19, [x9, #0]
	ldp	x20, x21, [x9, #16]
	ldp	x22, x23, [x9, #32]
	ldp	x24, x25, [x9, #48]
	ldp	x26, x27, [x9, #64]
	ldp	x28, x29, [x9, #80]
	ldp	x30, x10, [x9, #96]
	mov	sp, x10
.endm

/*
 * void smc_call(uint64_t regs[18]), void smc_hvc_call(uint64_t regs[18])
 *
 * SMCCC v1.2: x0..x17 in, x0..x17 out. All 18 are loaded and stored so that
 * the host sees exactly what the callee left, including registers that a
 * conforming implementation must preserve. The block pointer is kept in
 * memory, not in a register, since the callee may return anything in any
 * register.
 */
.macro smc_trampoline name, insn
	.global	\name
	.type	\name, %function
\name:
	save_call_regs
	str	x0, [x9, #EXC_CALL_SAVE_REGS]
	mov	x18, x0
	ldp	x0, x1, [x18, #0]
	ldp	x2, x3, [x18, #16]
	ldp	x4, x5, [x18, #32]
	ldp	x6, x7, [x18, #48]
	ldp	x8, x9, [x18, #64]
	ldp	x10, x11, [x18, #80]
	ldp	x12, x13, [x18, #96]
	ldp	x14, x15, [x18, #112]
	ldp	x16, x17, [x18, #128]
	\insn	#0
	adr_l	x18, exc_call_save
	ldr	x18, [x18, #EXC_CALL_SAVE_REGS]
	stp	x0, x1, [x18, #0]
	stp	x2, x3, [x18, #16]
	stp	x4, x5, [x18, #32]
	stp	x6, x7, [x18, #48]
	stp	x8, x9, [x18, #64]
	stp	x10, x11, [x18, #80]
	stp	x12, x13, [x18, #96]
	stp	x14, x15, [x18, #112]
	stp	x16, x17, [x18, #128]
	restore_call_regs
	ret
	.size	\name, . - \name
.endm

	smc_trampoline smc_call, smc
	smc_trampoline smc_hvc_call, hvc

/* uint64_t mem_exec(uint64_t addr, uint64_t arg) */
	.global	mem_exec
	.type	mem_exec, %function
mem_exec:
	save_call_regs
	mov	x9, x0
	mov	x0, x1
	blr	x9
	restore_call_regs
	ret
	.size	mem_exec, . - mem_exec

/*
 * Exception vectors.
 *
 * Only a synchronous exception from the current EL on SP_ELx can be survived:
 * that is what a faulting command raises. Everything else (IRQ, FIQ,
 * SError, SP_EL0, lower ELs) means the agent's state cannot be trusted, so it
 * reports `!panic` and stops.
 */
.macro vector target
	.balign	0x80
	b	\target
.endm

.macro exc_vectors el
	.balign	0x800
	.global	exc_vectors_el\el
exc_vectors_el\el:
	/* Current EL with SP_EL0. */
	vector	exc_panic_el\el
	vector	exc_panic_el\el
	vector	exc_panic_el\el
	vector	exc_panic_el\el
	/* Current EL with SP_ELx. */
	vector	exc_sync_el\el
	vector	exc_panic_el\el
	vector	exc_panic_el\el
	vector	exc_panic_el\el
	/* Lower EL, AArch64. */
	vector	exc_panic_el\el
	vector	exc_panic_el\el
	vector	exc_panic_el\el
	vector	exc_panic_el\el
	/* Lower EL, AArch32. */
	vector	exc_panic_el\el
	vector	exc_panic_el\el
	vector	exc_panic_el\el
	vector	exc_panic_el\el
.endm

/*
 * A synchronous exception on SP_ELx. Inside exc_call: record the syndrome,
 * disarm the context (a fault while recovering then panics instead of
 * looping) and eret to exc_recover at this EL with SP_ELx and DAIF masked.
 * Uses no stack, since the faulting code may have broken sp.
 */
.macro exc_sync el, spsr
exc_sync_el\el:
	adr_l	x3, exc_jmp
	ldr	x4, [x3, #EXC_JMP_ACTIVE]
	cbz	x4, exc_panic_el\el
	mrs	x0, esr_el\el
	mrs	x1, far_el\el
	mrs	x2, elr_el\el
	stp	x0, x1, [x3, #EXC_JMP_ESR]
	str	x2, [x3, #EXC_JMP_ELR]
	str	xzr, [x3, #EXC_JMP_ACTIVE]
	adr_l	x4, exc_recover
	msr	elr_el\el, x4
	mov	x4, #(\spsr)
	msr	spsr_el\el, x4
	eret
.endm

/* Unrecoverable: report on a fresh stack and stop (exc_panic never returns). */
.macro exc_panic_path el
exc_panic_el\el:
	mrs	x0, esr_el\el
	mrs	x1, far_el\el
	mrs	x2, elr_el\el
	adr_l	x3, __stack_top
	mov	sp, x3
	bl	exc_panic
	b	start_hang
.endm

	.section .text.vectors, "ax"
	exc_vectors 2
	exc_vectors 1

	.text
	exc_sync 2, EXC_SPSR_DAIF | EXC_SPSR_EL2H
	exc_sync 1, EXC_SPSR_DAIF | EXC_SPSR_EL1H
	exc_panic_path 2
	exc_panic_path 1

	.section .bss.exc_call_save, "aw", %nobits
	.balign	16
exc_call_save:
	.skip	EXC_CALL_SAVE_SIZE
