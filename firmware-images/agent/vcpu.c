/*
 * The second vCPU of a virtual machine's agent (vcpu.h).
 *
 * The agent runs with the MMU off, so every data access is to Device memory:
 * the flag and the register blocks are seen by both vCPUs without cache
 * maintenance; DSB orders the stores and SEV wakes the waiting vCPU.
 */

#include "vcpu.h"

#include "smc.h"

/* DEN0022 (PSCI) CPU_ON, SMC64 form; MPIDR of vCPU 1 as Xen gives it. */
#define VCPU_PSCI_CPU_ON 0xc4000003ULL
#define VCPU_SECOND_MPIDR 1ULL
#define VCPU_STACK_SIZE 0x2000
/* How long vCPU 0 waits for vCPU 1's call, in generic-timer ticks per second. */
#define VCPU_WAIT_SECONDS 5

extern char vcpu_secondary_entry[];
void vcpu_secondary_call(struct regs_block *regs, uint64_t hvc);

static uint8_t vcpu_stack[VCPU_STACK_SIZE] __attribute__((aligned(16)));

static struct {
	volatile uint64_t go;
	volatile uint64_t done;
	volatile uint64_t hvc;
	bool online;
	struct regs_block call;
	struct regs_block result;
} vcpu_shared;

static inline void vcpu_publish(void)
{
	__asm__ volatile("dsb sy\n\tsev" ::: "memory");
}

static inline uint64_t vcpu_ticks(void)
{
	uint64_t ticks;

	__asm__ volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(ticks));
	return ticks;
}

static inline uint64_t vcpu_tick_rate(void)
{
	uint64_t rate;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(rate));
	return rate;
}

static void vcpu_copy(struct regs_block *to, const struct regs_block *from)
{
	uint32_t i;

	for (i = 0; i < REGS_COUNT; i++) {
		to->x[i] = from->x[i];
	}
}

void vcpu_stage(const struct regs_block *call)
{
	vcpu_copy(&vcpu_shared.call, call);
}

/* PSCI through HVC: Xen's guests are told `method = "hvc"`. */
static uint64_t vcpu_start_second(void)
{
	struct regs_block on;

	regs_init(&on, VCPU_PSCI_CPU_ON);
	on.x[1] = VCPU_SECOND_MPIDR;
	on.x[2] = (uint64_t)(uintptr_t)vcpu_secondary_entry;
	on.x[3] = (uint64_t)(uintptr_t)(vcpu_stack + VCPU_STACK_SIZE);
	smc_hvc_call(&on);
	if (on.x[0] == 0) {
		vcpu_shared.online = true;
	}
	return on.x[0];
}

uint64_t vcpu_pair(struct regs_block *call, bool hvc)
{
	uint64_t generation = vcpu_shared.go + 1;
	uint64_t deadline;
	uint64_t status;

	if (!vcpu_shared.online) {
		status = vcpu_start_second();
		if (status != 0) {
			return status;
		}
	}

	vcpu_shared.hvc = hvc ? 1 : 0;
	vcpu_publish();
	vcpu_shared.go = generation;
	vcpu_publish();
	if (hvc) {
		smc_hvc_call(call);
	} else {
		smc_call(call);
	}

	deadline = vcpu_ticks() + VCPU_WAIT_SECONDS * vcpu_tick_rate();
	while (vcpu_shared.done != generation) {
		if (vcpu_ticks() > deadline) {
			return VCPU_PAIR_LATE;
		}
	}
	return VCPU_PAIR_DONE;
}

void vcpu_result(struct regs_block *result)
{
	vcpu_copy(result, &vcpu_shared.result);
}

noreturn void vcpu_secondary_main(void)
{
	uint64_t seen = vcpu_shared.go;

	for (;;) {
		while (vcpu_shared.go == seen) {
			__asm__ volatile("wfe" ::: "memory");
		}
		seen = vcpu_shared.go;
		vcpu_copy(&vcpu_shared.result, &vcpu_shared.call);
		vcpu_secondary_call(&vcpu_shared.result, vcpu_shared.hvc);
		vcpu_publish();
		vcpu_shared.done = seen;
		vcpu_publish();
	}
}
