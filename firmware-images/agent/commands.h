/*
 * The agent's command set (PROTOCOL.md, "Commands").
 */

#pragma once

#include "common/addr.h"
#include "common/regs.h"
#include "common/types.h"
#include "proto.h"
#include "smc.h"

/* The verb, up to REGS_COUNT arguments, and one more to detect excess. */
#define CMD_FIELDS_MAX (1 + REGS_COUNT + 1)

/* Largest transfer of rdb and wrb. */
#define CMD_BYTES_MAX 256

#define AGENT_VERSION "1.3"

#ifdef AGENT_VM
/*
 * An agent in a virtual machine (protocol version 2), with `pair` for calls on
 * two vCPUs. It reports endpoint 0: Xen 4.22 refuses FFA_ID_GET before the
 * VM's first FFA_VERSION (arch/arm/tee/ffa.c, ffa_negotiate_version), and
 * calling FFA_VERSION at boot would take the harness's first one, so the
 * harness takes the VM's ID from the hypervisor's console framing (PROTOCOL.md).
 */
#define AGENT_CAPS "smc,hvc,mem,exec,hash,echo,pair,ack16,callmark"
#define AGENT_ROLE "vm"
#define AGENT_ENDPOINT 0
/* A marker line before each call it was asked for (PROTOCOL.md, "Events"). */
#define AGENT_CALL_MARK 1
#else
/*
 * Who this agent is (protocol version 2): the normal world's host agent. FF-A
 * gives endpoint ID 0 to the hypervisor, or to the OS kernel when no
 * hypervisor runs; the agent is one or the other.
 */
#define AGENT_CAPS "smc,hvc,mem,exec,hash,echo,chain,callmark"
#define AGENT_ROLE "host"
/* Several operations on one line (PROTOCOL.md, "Chains"). */
#define AGENT_CHAIN 1
/* A marker byte before each call it was asked for (PROTOCOL.md, "Events"). */
#define AGENT_CALL_MARK 1
#define AGENT_ENDPOINT 0
#endif

enum cmd_verb {
	CMD_UNKNOWN = 0,
	CMD_HELLO,
	CMD_SMC,
	CMD_HVC,
	CMD_RD,
	CMD_WR,
	CMD_RDB,
	CMD_WRB,
	CMD_FILL,
	CMD_HASH,
	CMD_EXEC,
	CMD_ECHO,
	CMD_LAST,
	/* Test-only: provoke the target failures the harness must survive. */
	CMD_CRASH,
	CMD_HANG,
	/* Two vCPUs (AGENT_VM builds): vcpu.h. */
	CMD_STAGE1,
	CMD_PAIR,
	CMD_RESULT1,
#ifdef AGENT_VM
	/* A call on vCPU 1 alone, and the scratch memory (scratch.h). */
	CMD_CALL1,
	CMD_SCRATCH,
#endif
#ifdef AGENT_CHAIN
	/* Operations on one line, and a test of a chained call's result. */
	CMD_CHAIN,
	CMD_EXPECT,
#endif
};

/* One parsed request, and the results of running it. */
struct cmd_req {
	uint32_t seq;
	enum cmd_verb verb;
	/* field[0] is the verb; nargs counts the fields after it. */
	struct proto_field field[CMD_FIELDS_MAX];
	uint32_t nargs;
	/* Everything after the verb, for echo. */
	struct proto_field text;

	/* smc, hvc: x0..x17 in, and out after the call. */
	struct regs_block reg;
	/* hello: the protocol version asked for. */
	uint64_t version;
	/* rd, wr, rdb, wrb, fill, hash, exec: where, as the agent's accesses see it. */
	struct addr_ipa addr;
	uint64_t len;
	uint64_t value;
	uint32_t width;
	/* rdb: bytes read; wrb: bytes to write. */
	uint8_t bytes[CMD_BYTES_MAX];
	/* rd, hash, exec: the value reported. */
	uint64_t result;
	/* expect: the register judged and the mask (value holds the value). */
	uint32_t reg_index;
	uint64_t mask;
};

void cmd_send_banner(void);
void cmd_handle_line(const struct proto_line *line);

/* Runs the machine-touching part of a request; called by exc_call(). */
void cmd_execute(struct cmd_req *req);
