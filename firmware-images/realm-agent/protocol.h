/*
 * The realm agent's side of its protocol with the host (PROTOCOL.md): the
 * host-call structure RSI_HOST_CALL exchanges, and the numbers that travel in
 * its registers.
 */

#pragma once

#include "common/types.h"

/* RSI_HOST_CALL: SMC64, standard service range, RSI function 0x9 (DEN0137). */
#define RSI_HOST_CALL_FID 0xc4000199UL

/* Registers the host-call structure carries (DEN0137 RsiHostCall.gprs[0..30]). */
#define HOST_CALL_GPRS 31

/* The immediate of every host call the agent makes: "FW". */
#define REALM_HOST_CALL_IMM 0x4657U

/* gprs[0] of every host call: "RELM". */
#define REALM_MAGIC 0x52454c4dUL

/* gprs[1]: what the host call carries. */
#define REALM_KIND_BANNER 1U
#define REALM_KIND_RESULT 2U

#define REALM_PROTOCOL_VERSION 1U

/* gprs[2] of a RESULT. */
#define REALM_STATUS_OK 0U
#define REALM_STATUS_UNKNOWN 1U
#define REALM_STATUS_EXCEPTION 2U
#define REALM_STATUS_BAD_ARGUMENT 3U
#define REALM_STATUS_STOPPED 4U

/* gprs[0] of a command the host hands over on REC entry. */
#define REALM_CMD_RSI_SMC 1U
#define REALM_CMD_READ 2U
#define REALM_CMD_WRITE 3U
#define REALM_CMD_LOAD64 4U
#define REALM_CMD_STORE64 5U

/* RESULT data starts at gprs[8]; READ and WRITE carry up to 20 registers of bytes. */
#define REALM_DATA_FIRST 8U
#define REALM_DATA_REGS 20U
#define REALM_DATA_MAX_BYTES (REALM_DATA_REGS * 8U)

/* RSI SMC: gprs[1..12] are x0..x11 of the call; x0..x11 after it are RESULT gprs[8..19]. */
#define REALM_SMC_ARGS 12U

/*
 * RsiHostCall (DEN0137): imm at offset 0 (16 bits used; TF-RMM reads 32),
 * then gprs[0..30]. TF-RMM requires it 256-byte aligned and within one
 * granule; the agent keeps it alone in a 4 KiB granule of its image.
 */
struct host_call {
	uint64_t imm;
	uint64_t gprs[HOST_CALL_GPRS];
};

static_assert(offsetof(struct host_call, gprs) == 8, "gprs[i] at 8 + 8 * i");
static_assert(sizeof(struct host_call) == 256, "the RMM reads 256 bytes");
