/*
 * Exception handling: recovery from synchronous exceptions taken while a
 * command runs (the shared context of common/exc.h), and the panic path for
 * everything else.
 *
 * This header is included by start.S.
 */

#pragma once

#include "common/exc.h"

#ifndef __ASSEMBLER__

#include "common/types.h"

struct cmd_req;

/*
 * Runs cmd_execute(req) with a recovery context armed (start.S). Returns
 * false if it returned normally, true if a synchronous exception was taken;
 * exc_last_fault() then describes it.
 */
bool exc_call(struct cmd_req *req);

uint32_t exc_current_el(void);

/* Called from the vectors with a fresh stack; prints `!panic` and stops. */
noreturn void exc_panic(uint64_t esr, uint64_t far, uint64_t elr);

#endif /* __ASSEMBLER__ */
