/*
 * Two calls released together on two vCPUs of one virtual machine: the
 * second vCPU is started with PSCI CPU_ON for each pair, waits for a shared
 * start flag, makes its call and turns itself off (CPU_OFF), so that a race
 * inside the hypervisor can be driven on purpose and repeated (PROTOCOL.md,
 * "Two vCPUs").
 */

#pragma once

#include "common/regs.h"
#include "common/types.h"

/* pair status: both calls ran; otherwise the second vCPU's call is unfinished or CPU_ON's error. */
#define VCPU_PAIR_DONE 0
#define VCPU_PAIR_LATE 1

/* The call the second vCPU makes at the next vcpu_pair(). */
void vcpu_stage(const struct regs_block *call);

/*
 * Releases the staged call on vCPU 1 and `call` on vCPU 0 together, with HVC
 * when `hvc` is true and SMC otherwise; `call` holds vCPU 0's results after.
 * Returns VCPU_PAIR_DONE, VCPU_PAIR_LATE (vCPU 1 did not finish within its
 * time-out) or the error PSCI CPU_ON returned (vCPU 0's call not made).
 */
uint64_t vcpu_pair(struct regs_block *call, bool hvc);

/*
 * Makes `call` on vCPU 1 alone (staging it as vcpu_stage() does) while vCPU 0
 * waits, so that a call can be made, or resumed, from the VM's other vCPU;
 * `call` holds vCPU 1's results after. Returns as vcpu_pair() does.
 */
uint64_t vcpu_alone(struct regs_block *call, bool hvc);

/* The second vCPU's results of the last vcpu_pair(). */
void vcpu_result(struct regs_block *result);

/* Entered by start.S on vCPU 1 with its stack set up; never returns. */
noreturn void vcpu_secondary_main(void);
