/*
 * The second vCPU of a virtual machine's agent (vcpu.h).
 *
 * The agent runs with the MMU off, so every data access is to Device memory:
 * the flag and the register blocks are seen by both vCPUs without cache
 * maintenance; DSB orders the stores and SEV wakes the waiting vCPU.
 */

#include "vcpu.h"

#include "smc.h"

/* DEN0022 (PSCI) CPU_ON (SMC64) and CPU_OFF; MPIDR of vCPU 1 as Xen gives it. */
#define VCPU_PSCI_CPU_ON 0xc4000003ULL
#define VCPU_PSCI_CPU_OFF 0x84000002ULL
#define VCPU_PSCI_ALREADY_ON ((uint64_t)-4)
#define VCPU_SECOND_MPIDR 1ULL
#define VCPU_STACK_SIZE 0x2000
/* How long vCPU 0 waits for vCPU 1 to start, to go off and to finish its call. */
#define VCPU_WAIT_SECONDS 5

extern char vcpu_secondary_entry[];
void vcpu_secondary_call(struct regs_block *regs, uint64_t hvc);

static uint8_t vcpu_stack[VCPU_STACK_SIZE] __attribute__((aligned(16)));

/*
 * vCPU 1 is started for each pair and turns itself off after its call, so
 * that between pairs no idle vCPU competes for the physical CPU with the one
 * reading the console. `round` numbers the pairs; vCPU 1 reports `ready`
 * when it waits for `go`, and `done` when its call has returned.
 */
static struct {
	volatile uint64_t round;
	volatile uint64_t ready;
	volatile uint64_t go;
	volatile uint64_t done;
	volatile uint64_t hvc;
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

static inline uint64_t vcpu_deadline(void)
{
	uint64_t rate;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(rate));
	return vcpu_ticks() + VCPU_WAIT_SECONDS * rate;
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

/*
 * PSCI through HVC (Xen tells its guests `method = "hvc"`). ALREADY_ON means
 * vCPU 1 has not finished turning itself off after the last pair: ask again.
 */
static uint64_t vcpu_start_second(void)
{
	uint64_t deadline = vcpu_deadline();
	struct regs_block on;

	do {
		regs_init(&on, VCPU_PSCI_CPU_ON);
		on.x[1] = VCPU_SECOND_MPIDR;
		on.x[2] = (uint64_t)(uintptr_t)vcpu_secondary_entry;
		on.x[3] = (uint64_t)(uintptr_t)(vcpu_stack + VCPU_STACK_SIZE);
		smc_hvc_call(&on);
	} while (on.x[0] == VCPU_PSCI_ALREADY_ON && vcpu_ticks() < deadline);
	return on.x[0];
}

/* Waits until *flag holds value; false when the time-out passed first. */
static bool vcpu_await(volatile uint64_t *flag, uint64_t value)
{
	uint64_t deadline = vcpu_deadline();

	while (*flag != value) {
		if (vcpu_ticks() > deadline) {
			return false;
		}
		/* Trapped by the hypervisor: the other vCPU may run meanwhile. */
		__asm__ volatile("wfe" ::: "memory");
	}
	return true;
}

/*
 * Starts vCPU 1 for a new round with the staged call and waits until it is
 * ready: VCPU_PAIR_DONE when it is (release it with vcpu_go()), otherwise as
 * vcpu_pair() reports.
 */
static uint64_t vcpu_ready_second(uint64_t round, bool hvc)
{
	uint64_t status;

	vcpu_shared.round = round;
	vcpu_shared.hvc = hvc ? 1 : 0;
	vcpu_publish();
	status = vcpu_start_second();
	if (status != 0) {
		return status;
	}
	return vcpu_await(&vcpu_shared.ready, round) ? VCPU_PAIR_DONE : VCPU_PAIR_LATE;
}

static void vcpu_go(uint64_t round)
{
	vcpu_shared.go = round;
	vcpu_publish();
}

uint64_t vcpu_pair(struct regs_block *call, bool hvc)
{
	uint64_t round = vcpu_shared.round + 1;
	uint64_t status;

	status = vcpu_ready_second(round, hvc);
	if (status != VCPU_PAIR_DONE) {
		return status;
	}
	vcpu_go(round);
	if (hvc) {
		smc_hvc_call(call);
	} else {
		smc_call(call);
	}
	return vcpu_await(&vcpu_shared.done, round) ? VCPU_PAIR_DONE : VCPU_PAIR_LATE;
}

uint64_t vcpu_alone(struct regs_block *call, bool hvc)
{
	uint64_t round = vcpu_shared.round + 1;
	uint64_t status;

	vcpu_stage(call);
	status = vcpu_ready_second(round, hvc);
	if (status != VCPU_PAIR_DONE) {
		return status;
	}
	vcpu_go(round);
	if (!vcpu_await(&vcpu_shared.done, round)) {
		return VCPU_PAIR_LATE;
	}
	vcpu_result(call);
	return VCPU_PAIR_DONE;
}

void vcpu_result(struct regs_block *result)
{
	vcpu_copy(result, &vcpu_shared.result);
}

noreturn void vcpu_secondary_main(void)
{
	uint64_t round = vcpu_shared.round;
	struct regs_block off;

	vcpu_copy(&vcpu_shared.result, &vcpu_shared.call);
	vcpu_shared.ready = round;
	vcpu_publish();
	while (vcpu_shared.go != round) {
		__asm__ volatile("wfe" ::: "memory");
	}
	vcpu_secondary_call(&vcpu_shared.result, vcpu_shared.hvc);
	vcpu_publish();
	vcpu_shared.done = round;
	vcpu_publish();

	regs_init(&off, VCPU_PSCI_CPU_OFF);
	vcpu_secondary_call(&off, 1);
	for (;;) {
		__asm__ volatile("wfe");
	}
}
