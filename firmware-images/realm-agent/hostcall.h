/*
 * The one way the realm agent talks to the host: RSI_HOST_CALL with the
 * agent's host-call structure.
 */

#pragma once

#include "protocol.h"

/*
 * The structure the RMM copies to the REC exit and refills from the next
 * REC entry. Its gprs are the agent's outgoing message before
 * host_call_exchange() and the host's command after it.
 */
extern struct host_call host_call_block;

/* Starts a message of kind `kind`: imm, magic and kind set, every other register zero. */
void host_call_begin(uint32_t kind);

/*
 * Makes the host call. Returns when the host enters the REC again, with the
 * host's registers in host_call_block.gprs.
 */
void host_call_exchange(void);
