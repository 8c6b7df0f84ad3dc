/*
 * The commands the host hands the realm agent on REC entry (PROTOCOL.md).
 */

#pragma once

#include "protocol.h"

/* A command as read from the host-call structure after the host call returned. */
struct realm_cmd {
	uint64_t gprs[HOST_CALL_GPRS];
	/* Filled by realm_cmd_execute: the RESULT's status and gprs[8..]. */
	uint64_t status;
	uint64_t data[REALM_DATA_REGS];
};

/* Runs the command; an exception it takes ends it early (realm_exc_call). */
void realm_cmd_execute(struct realm_cmd *cmd);
