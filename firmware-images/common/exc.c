/*
 * The recovery context shared by both agents. The guard, the vectors and the
 * save/restore code are the macros of asm_macros.S; each agent has its own
 * panic report.
 */

#include "exc.h"

/* Recovery context; read and written by the assembly. */
struct exc_jmp exc_jmp;

struct exc_fault exc_last_fault(void)
{
	struct exc_fault fault;

	fault.esr = exc_jmp.esr;
	fault.far = exc_jmp.far;
	fault.elr = exc_jmp.elr;

	return fault;
}
