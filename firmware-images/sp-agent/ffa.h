/*
 * The FF-A ABI as the SP agent uses it: function IDs and the SMC trampoline
 * (start.S), on the register block of common/regs.h.
 *
 * Function IDs are from DEN0077A v1.2, "Function IDs"; all are SMCCC fast
 * calls with owner 4 (0x84... for SMC32, 0xc4... for SMC64).
 */

#pragma once

#include "common/regs.h"
#include "common/types.h"

#define SP_FFA_ERROR 0x84000060U
#define SP_FFA_SUCCESS_32 0x84000061U
#define SP_FFA_RXTX_MAP_32 0x84000066U
#define SP_FFA_RXTX_MAP_64 0xc4000066U
#define SP_FFA_ID_GET 0x84000069U
#define SP_FFA_MSG_WAIT 0x8400006bU
#define SP_FFA_DIRECT_REQ_32 0x8400006fU
#define SP_FFA_DIRECT_REQ_64 0xc400006fU
#define SP_FFA_DIRECT_RESP_32 0x84000070U
#define SP_FFA_DIRECT_RESP_64 0xc4000070U
#define SP_FFA_DIRECT_REQ2 0xc400008dU
#define SP_FFA_DIRECT_RESP2 0xc400008eU

/* DIRECT_REQ x2 bit 31: a framework message rather than a partition one. */
#define SP_FFA_FRAMEWORK_BIT (1UL << 31)

/* An FF-A page: RX/TX buffers are counted in 4 KiB pages (DEN0077A). */
#define SP_FFA_PAGE_SIZE 4096U

/*
 * Loads x0..x17 from regs, executes SMC #0 and stores x0..x17 back. The
 * trampoline keeps x18..x30 and sp itself, so whatever the callee leaves in
 * them cannot corrupt the agent. A call that ends the partition's turn
 * (FFA_MSG_WAIT, FFA_MSG_SEND_DIRECT_RESP) returns when the SPMC next runs
 * the partition, with the new message in regs.
 */
void sp_ffa_smc(struct regs_block *regs);
