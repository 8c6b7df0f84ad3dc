/*
 * Exception handling of the realm agent: recovery from synchronous
 * exceptions taken while a command runs (the shared context of
 * common/exc.h), and the panic path for everything else.
 *
 * This header is included by start.S.
 */

#pragma once

#include "common/exc.h"

#ifndef __ASSEMBLER__

#include "common/types.h"

struct realm_cmd;

/*
 * Runs realm_cmd_execute(cmd) with a recovery context armed (start.S).
 * Returns false if it returned normally, true if a synchronous exception was
 * taken; exc_last_fault() then describes it.
 */
bool realm_exc_call(struct realm_cmd *cmd);

/* Called from the vectors on a fresh stack; reports to the host, never returns. */
noreturn void realm_exc_panic(uint64_t esr, uint64_t far, uint64_t elr);

#endif /* __ASSEMBLER__ */
