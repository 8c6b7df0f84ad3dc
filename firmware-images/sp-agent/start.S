/*
 * FWCTS SP agent: entry point, exception vectors, the recovery context used
 * to survive synchronous exceptions during a command, and the trampolines
 * that leave the agent (SMC, exec).
 *
 * The EL3 SPMC enters the partition at the first byte of its image at
 * S-EL1, on SP_EL1, with DAIF masked and the MMU off, x4 = linear core ID
 * (TF-A services/std_svc/spm/el3_spmc/spmc_setup.c). The agent keeps the
 * MMU off: every address it is given is a physical address.
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
	/* No interrupts are handled: keep everything masked for good. */
	msr	daifset, #0xf

	/* The vectors name the EL1 registers: S-EL1 only. */
	mrs	x9, CurrentEL
	ubfx	x9, x9, #2, #2
	cmp	x9, #1
	b.ne	sp_start_hang

	adr_l	x9, sp_exc_vectors
	msr	vbar_el1, x9
	isb

	/* Run on SP_EL1 so that the "current EL with SPx" vectors apply. */
	msr	spsel, #1
	adr_l	x9, __stack_top
	mov	sp, x9

	/* Zero .bss; the linker script aligns both ends to 16 bytes. */
	adr_l	x9, __bss_start
	adr_l	x10, __bss_end
1:	cmp	x9, x10
	b.hs	2f
	stp	xzr, xzr, [x9], #16
	b	1b

2:	bl	sp_main

	.global	sp_start_hang
sp_start_hang:
	wfe
	b	sp_start_hang
	.size	_start, . - _start

/*
 * bool sp_exc_call(struct sp_cmd *cmd)
 *
 * A setjmp-like guard: saves x19..x30 and sp, marks the context active and
 * calls sp_cmd_execute(cmd). If that returns, the result is 0. If a
 * synchronous exception is taken meanwhile, the vector code records the
 * syndrome and erets to sp_exc_recover, which restores the saved state and
 * returns 1. The saved state is restored on both paths, so code run by
 * mem-exec that breaks the calling convention cannot corrupt the caller.
 */
	.text
	.global	sp_exc_call
	.type	sp_exc_call, %function
sp_exc_call:
	adr_l	x9, sp_exc_jmp
	stp	x19, x20, [x9, #SP_EXC_JMP_X19 + 0]
	stp	x21, x22, [x9, #SP_EXC_JMP_X19 + 16]
	stp	x23, x24, [x9, #SP_EXC_JMP_X19 + 32]
	stp	x25, x26, [x9, #SP_EXC_JMP_X19 + 48]
	stp	x27, x28, [x9, #SP_EXC_JMP_X19 + 64]
	stp	x29, x30, [x9, #SP_EXC_JMP_X19 + 80]
	mov	x10, sp
	mov	x11, #1
	stp	x10, x11, [x9, #SP_EXC_JMP_SP]
	bl	sp_cmd_execute
	mov	x0, #0
	b	sp_exc_restore

sp_exc_recover:
	mov	x0, #1
sp_exc_restore:
	adr_l	x9, sp_exc_jmp
	ldp	x19, x20, [x9, #SP_EXC_JMP_X19 + 0]
	ldp	x21, x22, [x9, #SP_EXC_JMP_X19 + 16]
	ldp	x23, x24, [x9, #SP_EXC_JMP_X19 + 32]
	ldp	x25, x26, [x9, #SP_EXC_JMP_X19 + 48]
	ldp	x27, x28, [x9, #SP_EXC_JMP_X19 + 64]
	ldp	x29, x30, [x9, #SP_EXC_JMP_X19 + 80]
	ldr	x10, [x9, #SP_EXC_JMP_SP]
	str	xzr, [x9, #SP_EXC_JMP_ACTIVE]
	mov	sp, x10
	ret
	.size	sp_exc_call, . - sp_exc_call

/*
 * Save and restore x18..x30 and sp around a call out of the agent. Clobbers
 * x9 and x10; x9 points at the save area after sp_save_call_regs.
 */
.macro sp_save_call_regs
	adr_l	x9, sp_exc_call_save
	stp	x18, x19, [x9, #0]
	stp	x20, x21, [x9, #16]
	stp	x22, x23, [x9, #32]
	stp	x24, x25, [x9, #48]
	stp	x26, x27, [x9, #64]
	stp	x28, x29, [x9, #80]
	mov	x10, sp
	stp	x30, x10, [x9, #96]
.endm

.macro sp_restore_call_regs
	adr_l	x9, sp_exc_call_save
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
 * void sp_ffa_smc(struct sp_ffa_regs *regs)
 *
 * SMCCC v1.2: x0..x17 in, x0..x17 out. The block pointer is kept in memory,
 * not in a register, since the callee may return anything in any register.
 * The save area is static: the agent is single-threaded and only the
 * primary core's execution context ever runs.
 */
	.global	sp_ffa_smc
	.type	sp_ffa_smc, %function
sp_ffa_smc:
	sp_save_call_regs
	str	x0, [x9, #SP_EXC_CALL_SAVE_REGS]
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
	smc	#0
	adr_l	x18, sp_exc_call_save
	ldr	x18, [x18, #SP_EXC_CALL_SAVE_REGS]
	stp	x0, x1, [x18, #0]
	stp	x2, x3, [x18, #16]
	stp	x4, x5, [x18, #32]
	stp	x6, x7, [x18, #48]
	stp	x8, x9, [x18, #64]
	stp	x10, x11, [x18, #80]
	stp	x12, x13, [x18, #96]
	stp	x14, x15, [x18, #112]
	stp	x16, x17, [x18, #128]
	sp_restore_call_regs
	ret
	.size	sp_ffa_smc, . - sp_ffa_smc

/* uint64_t sp_mem_exec(uint64_t addr, uint64_t arg) */
	.global	sp_mem_exec
	.type	sp_mem_exec, %function
sp_mem_exec:
	sp_save_call_regs
	mov	x9, x0
	mov	x0, x1
	blr	x9
	sp_restore_call_regs
	ret
	.size	sp_mem_exec, . - sp_mem_exec

/*
 * Exception vectors.
 *
 * Only a synchronous exception from S-EL1 on SP_EL1 can be survived: that
 * is what a faulting command raises. Everything else (IRQ, FIQ, SError,
 * SP_EL0, lower ELs) means the agent's state cannot be trusted, so it
 * reports on the console and stops.
 */
.macro sp_vector target
	.balign	0x80
	b	\target
.endm

	.section .text.vectors, "ax"
	.balign	0x800
	.global	sp_exc_vectors
sp_exc_vectors:
	/* Current EL with SP_EL0. */
	sp_vector	sp_exc_panic_path
	sp_vector	sp_exc_panic_path
	sp_vector	sp_exc_panic_path
	sp_vector	sp_exc_panic_path
	/* Current EL with SP_EL1. */
	sp_vector	sp_exc_sync
	sp_vector	sp_exc_panic_path
	sp_vector	sp_exc_panic_path
	sp_vector	sp_exc_panic_path
	/* Lower EL, AArch64. */
	sp_vector	sp_exc_panic_path
	sp_vector	sp_exc_panic_path
	sp_vector	sp_exc_panic_path
	sp_vector	sp_exc_panic_path
	/* Lower EL, AArch32. */
	sp_vector	sp_exc_panic_path
	sp_vector	sp_exc_panic_path
	sp_vector	sp_exc_panic_path
	sp_vector	sp_exc_panic_path

/*
 * A synchronous exception on SP_EL1. Inside sp_exc_call: record the
 * syndrome, disarm the context (a fault while recovering then panics instead
 * of looping) and eret to sp_exc_recover at S-EL1 on SP_EL1 with DAIF
 * masked. Uses no stack, since the faulting code may have broken sp.
 */
	.text
sp_exc_sync:
	adr_l	x3, sp_exc_jmp
	ldr	x4, [x3, #SP_EXC_JMP_ACTIVE]
	cbz	x4, sp_exc_panic_path
	mrs	x0, esr_el1
	mrs	x1, far_el1
	mrs	x2, elr_el1
	stp	x0, x1, [x3, #SP_EXC_JMP_ESR]
	str	x2, [x3, #SP_EXC_JMP_ELR]
	str	xzr, [x3, #SP_EXC_JMP_ACTIVE]
	adr_l	x4, sp_exc_recover
	msr	elr_el1, x4
	mov	x4, #(SP_EXC_SPSR_EL1H_DAIF)
	msr	spsr_el1, x4
	eret

/* Unrecoverable: report on a fresh stack and stop (never returns). */
sp_exc_panic_path:
	mrs	x0, esr_el1
	mrs	x1, far_el1
	mrs	x2, elr_el1
	adr_l	x3, __stack_top
	mov	sp, x3
	bl	sp_exc_panic
	b	sp_start_hang

	.section .bss.sp_exc_call_save, "aw", %nobits
	.balign	16
sp_exc_call_save:
	.skip	SP_EXC_CALL_SAVE_SIZE
