/*
 * Assembler macros shared by the start.S of both agents: the entry set-up,
 * the recovery guard (exc.h), the trampolines that leave the agent (SMC, HVC,
 * exec) and the exception vectors.
 *
 * The vector code has to name the EL's own system registers, so the macros
 * that touch them take the EL as a parameter; each agent instantiates them
 * for the ELs it runs at. All the macros use no stack except where said.
 */

#include "exc.h"

/* Address of a symbol within +-4 GiB, independent of the link address. */
.macro adr_l reg, sym
	adrp	\reg, \sym
	add	\reg, \reg, :lo12:\sym
.endm

/*
 * Switches to SP_ELx at __stack_top (so that the "current EL with SPx"
 * vectors apply) and zeroes .bss, which the linker script aligns to 16 bytes
 * at both ends. Clobbers x9 and x10 only, so x0..x8 still hold whatever the
 * loader passed.
 */
.macro start_stack_bss
	msr	spsel, #1
	adr_l	x9, __stack_top
	mov	sp, x9
	adr_l	x9, __bss_start
	adr_l	x10, __bss_end
.Lstart_bss_loop\@:
	cmp	x9, x10
	b.hs	.Lstart_bss_done\@
	stp	xzr, xzr, [x9], #16
	b	.Lstart_bss_loop\@
.Lstart_bss_done\@:
.endm

/* Store (op = stp) or load (op = ldp) x19..x30 in exc_jmp at [x9]. */
.macro exc_jmp_callee op
	\op	x19, x20, [x9, #EXC_JMP_X19 + 0]
	\op	x21, x22, [x9, #EXC_JMP_X19 + 16]
	\op	x23, x24, [x9, #EXC_JMP_X19 + 32]
	\op	x25, x26, [x9, #EXC_JMP_X19 + 48]
	\op	x27, x28, [x9, #EXC_JMP_X19 + 64]
	\op	x29, x30, [x9, #EXC_JMP_X19 + 80]
.endm

/*
 * bool name(struct ... *arg)
 *
 * A setjmp-like guard: saves x19..x30 and sp in exc_jmp, marks the context
 * active and calls execute(arg). If that returns, the result is 0. If a
 * synchronous exception is taken meanwhile, the vector code (exc_sync)
 * records the syndrome and erets to exc_recover, which restores the saved
 * state and returns 1. The saved state is restored on both paths, so code run
 * by exec that breaks the calling convention cannot corrupt the caller.
 * Instantiate once per image: it defines exc_recover.
 */
.macro exc_guard name, execute
	.global	\name
	.type	\name, %function
\name:
	adr_l	x9, exc_jmp
	exc_jmp_callee stp
	mov	x10, sp
	mov	x11, #1
	stp	x10, x11, [x9, #EXC_JMP_SP]
	bl	\execute
	mov	x0, #0
	b	exc_restore

exc_recover:
	mov	x0, #1
exc_restore:
	adr_l	x9, exc_jmp
	exc_jmp_callee ldp
	ldr	x10, [x9, #EXC_JMP_SP]
	str	xzr, [x9, #EXC_JMP_ACTIVE]
	mov	sp, x10
	ret
	.size	\name, . - \name
.endm

/*
 * Save (op = stp) or restore (op = ldp) x18..x30 and sp in exc_call_save
 * around a call out of the agent. Clobbers x9 and x10; x9 points at the save
 * area afterwards.
 */
.macro call_regs op
	adr_l	x9, exc_call_save
	\op	x18, x19, [x9, #0]
	\op	x20, x21, [x9, #16]
	\op	x22, x23, [x9, #32]
	\op	x24, x25, [x9, #48]
	\op	x26, x27, [x9, #64]
	\op	x28, x29, [x9, #80]
	.ifc	\op, ldp
	ldp	x30, x10, [x9, #96]
	mov	sp, x10
	.else
	mov	x10, sp
	stp	x30, x10, [x9, #96]
	.endif
.endm

/* Load (op = ldp) or store (op = stp) x0..x17 at [x18]. */
.macro smc_regs op
	\op	x0, x1, [x18, #0]
	\op	x2, x3, [x18, #16]
	\op	x4, x5, [x18, #32]
	\op	x6, x7, [x18, #48]
	\op	x8, x9, [x18, #64]
	\op	x10, x11, [x18, #80]
	\op	x12, x13, [x18, #96]
	\op	x14, x15, [x18, #112]
	\op	x16, x17, [x18, #128]
.endm

/*
 * void name(uint64_t regs[18]), calling with insn (smc or hvc).
 *
 * SMCCC v1.2: x0..x17 in, x0..x17 out. All 18 are loaded and stored so that
 * the caller sees exactly what the callee left, including registers that a
 * conforming implementation must preserve. The block pointer is kept in
 * memory, not in a register, since the callee may return anything in any
 * register. The save area is static: the agents are single-threaded.
 */
.macro smc_trampoline name, insn
	.global	\name
	.type	\name, %function
\name:
	call_regs stp
	str	x0, [x9, #EXC_CALL_SAVE_REGS]
	mov	x18, x0
	smc_regs ldp
	\insn	#0
	adr_l	x18, exc_call_save
	ldr	x18, [x18, #EXC_CALL_SAVE_REGS]
	smc_regs stp
	call_regs ldp
	ret
	.size	\name, . - \name
.endm

/* uint64_t name(uint64_t addr, uint64_t arg): mem_exec of mem.h. */
.macro exec_trampoline name
	.global	\name
	.type	\name, %function
\name:
	call_regs stp
	mov	x9, x0
	mov	x0, x1
	blr	x9
	call_regs ldp
	ret
	.size	\name, . - \name
.endm

/* The trampolines' save area, in .bss. */
.macro exc_call_save_area
	.section .bss.exc_call_save, "aw", %nobits
	.balign	16
exc_call_save:
	.skip	EXC_CALL_SAVE_SIZE
.endm

/*
 * Exception vectors of EL el, exc_vectors_el<el>.
 *
 * Only a synchronous exception from the current EL on SP_ELx can be survived:
 * that is what a faulting command raises. Everything else (IRQ, FIQ,
 * SError, SP_EL0, lower ELs) means the agent's state cannot be trusted, so it
 * goes to exc_panic_el<el>.
 */
.macro exc_vector target
	.balign	0x80
	b	\target
.endm

/* Four vectors, the first to first, the others to rest. */
.macro exc_vector_group first, rest
	exc_vector	\first
	exc_vector	\rest
	exc_vector	\rest
	exc_vector	\rest
.endm

.macro exc_vectors el
	.balign	0x800
	.global	exc_vectors_el\el
exc_vectors_el\el:
	/* Current EL with SP_EL0. */
	exc_vector_group exc_panic_el\el, exc_panic_el\el
	/* Current EL with SP_ELx. */
	exc_vector_group exc_sync_el\el, exc_panic_el\el
	/* Lower EL, AArch64. */
	exc_vector_group exc_panic_el\el, exc_panic_el\el
	/* Lower EL, AArch32. */
	exc_vector_group exc_panic_el\el, exc_panic_el\el
.endm

/*
 * A synchronous exception on SP_ELx at EL el. Inside the guard: record the
 * syndrome, disarm the context (a fault while recovering then panics instead
 * of looping) and eret to exc_recover at this EL with SPSR spsr (SP_ELx,
 * DAIF masked). Uses no stack, since the faulting code may have broken sp.
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

/*
 * Unrecoverable at EL el: call report(esr, far, elr) on a fresh stack; it
 * never returns, but should it, branch to hang.
 */
.macro exc_panic_path el, report, hang
exc_panic_el\el:
	mrs	x0, esr_el\el
	mrs	x1, far_el\el
	mrs	x2, elr_el\el
	adr_l	x3, __stack_top
	mov	sp, x3
	bl	\report
	b	\hang
.endm
