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

struct sp_cmd;

/*
 * Runs sp_cmd_execute(cmd) with a recovery context armed (start.S). Returns
 * false if it returned normally, true if a synchronous exception was taken;
 * exc_last_fault() then describes it.
 */
bool sp_exc_call(struct sp_cmd *cmd);

/* Called from the vectors on a fresh stack; reports on the UART, stops. */
noreturn void sp_exc_panic(uint64_t esr, uint64_t far, uint64_t elr);

#endif /* __ASSEMBLER__ */
