/*
 * Minimal GICv3 set-up for waking from WFI (gic.h). The distributor and
 * redistributor bases come from the build (QEMU virt: 0x08000000 and
 * 0x080a0000). Two cases, both QEMU virt:
 * - a GIC with a single security state (agent-virt, no secure=on): the agent
 *   owns the GIC and programs the distributor and its redistributor's WAKER;
 * - a GIC with two security states under TF-A (agent-bl33-qemu, secure=on):
 *   the firmware's GICv3 driver has woken the redistributor, enabled the
 *   system register interface for the lower ELs (ICC_SRE_EL3.Enable) and put
 *   every SPI it does not claim in Non-secure Group 1. The agent's writes to
 *   the group and WAKER registers are then ignored (Secure-only), and those
 *   to the control, priority, routing and enable registers reach the
 *   Non-secure view, which is all the wake-up needs.
 * An interrupt the firmware kept Secure cannot be enabled from here (its
 * enable bit reads as zero): the agent then polls.
 */

#include "gic.h"

#if defined(GIC_DIST_BASE) && defined(GIC_REDIST_BASE)

#define GICD_CTLR 0x0000
#define GICD_IGROUPR 0x0080
#define GICD_ISENABLER 0x0100
#define GICD_IPRIORITYR 0x0400
#define GICD_IROUTER 0x6000
#define GICD_PIDR2 0xffe8

#define GICD_CTLR_ENABLE_GRP1 (1U << 1)
#define GICD_CTLR_ARE (1U << 4)
#define GICD_CTLR_RWP (1U << 31)

#define GICR_FRAME_SIZE 0x20000
#define GICR_FRAMES_MAX 64
#define GICR_TYPER 0x0008
#define GICR_WAKER 0x0014
#define GICR_TYPER_LAST (1U << 4)
#define GICR_WAKER_PROCESSOR_SLEEP (1U << 1)
#define GICR_WAKER_CHILDREN_ASLEEP (1U << 2)

/* Any priority above the mask (PMR 0xff) signals. */
#define GIC_PRIORITY 0x80

static inline uint32_t mmio_read32(uintptr_t addr)
{
	return *(volatile uint32_t *)addr;
}

static inline void mmio_write32(uintptr_t addr, uint32_t value)
{
	*(volatile uint32_t *)addr = value;
}

static inline uint64_t mmio_read64(uintptr_t addr)
{
	return *(volatile uint64_t *)addr;
}

static inline void mmio_write64(uintptr_t addr, uint64_t value)
{
	*(volatile uint64_t *)addr = value;
}

static void gicd_wait_rwp(void)
{
	while ((mmio_read32(GIC_DIST_BASE + GICD_CTLR) & GICD_CTLR_RWP) != 0) {
	}
}

/* This PE's redistributor: the frame whose GICR_TYPER affinity is MPIDR's. */
static uintptr_t gicr_of_this_pe(uint64_t mpidr)
{
	uint64_t aff = ((mpidr >> 8) & 0xff000000ULL) | (mpidr & 0xffffffULL);
	uintptr_t frame = GIC_REDIST_BASE;
	uint32_t i;

	for (i = 0; i < GICR_FRAMES_MAX; i++, frame += GICR_FRAME_SIZE) {
		uint64_t typer = mmio_read64(frame + GICR_TYPER);

		if ((typer >> 32) == aff) {
			return frame;
		}
		if ((typer & GICR_TYPER_LAST) != 0) {
			break;
		}
	}
	return 0;
}

/*
 * Group 1, our priority, routed to this PE, enabled; false if the enable did
 * not take (a Secure interrupt seen from the Non-secure side).
 */
static bool gicd_enable_spi(uint32_t intid, uint64_t mpidr)
{
	uint32_t bit = 1U << (intid % 32);

	mmio_write32(GIC_DIST_BASE + GICD_IGROUPR + 4 * (intid / 32),
		     mmio_read32(GIC_DIST_BASE + GICD_IGROUPR + 4 * (intid / 32)) | bit);
	*(volatile uint8_t *)(uintptr_t)(GIC_DIST_BASE + GICD_IPRIORITYR + intid) = GIC_PRIORITY;
	mmio_write64(GIC_DIST_BASE + GICD_IROUTER + 8 * intid, mpidr & 0xff00ffffffULL);
	mmio_write32(GIC_DIST_BASE + GICD_ISENABLER + 4 * (intid / 32), bit);
	gicd_wait_rwp();

	return (mmio_read32(GIC_DIST_BASE + GICD_ISENABLER + 4 * (intid / 32)) & bit) != 0;
}

bool gic_enable_wakeup(uint32_t intid)
{
	uint64_t pfr0, mpidr, el, sre;
	uintptr_t gicr;
	uint32_t arch;

	__asm__ volatile("mrs %0, id_aa64pfr0_el1" : "=r"(pfr0));
	if (((pfr0 >> 24) & 0xf) == 0) {
		return false;
	}
	arch = (mmio_read32(GIC_DIST_BASE + GICD_PIDR2) >> 4) & 0xf;
	if (arch != 3 && arch != 4) {
		return false;
	}
	__asm__ volatile("mrs %0, mpidr_el1" : "=r"(mpidr));
	gicr = gicr_of_this_pe(mpidr);
	if (gicr == 0) {
		return false;
	}

	/* System register interface on (QEMU has no other); at EL2 also for EL1 (Enable). */
	__asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
	if (((el >> 2) & 3) == 2) {
		__asm__ volatile("mrs %0, S3_4_C12_C9_5" : "=r"(sre)); /* ICC_SRE_EL2 */
		__asm__ volatile("msr S3_4_C12_C9_5, %0\n\tisb" ::"r"(sre | 0x9)); /* SRE, Enable */
	} else {
		__asm__ volatile("mrs %0, S3_0_C12_C12_5" : "=r"(sre)); /* ICC_SRE_EL1 */
		__asm__ volatile("msr S3_0_C12_C12_5, %0\n\tisb" ::"r"(sre | 0x1)); /* SRE */
	}

	mmio_write32(gicr + GICR_WAKER, mmio_read32(gicr + GICR_WAKER) & ~GICR_WAKER_PROCESSOR_SLEEP);
	while ((mmio_read32(gicr + GICR_WAKER) & GICR_WAKER_CHILDREN_ASLEEP) != 0) {
	}

	/* Affinity routing before the group is enabled (the other order is UNPREDICTABLE). */
	mmio_write32(GIC_DIST_BASE + GICD_CTLR, mmio_read32(GIC_DIST_BASE + GICD_CTLR) | GICD_CTLR_ARE);
	gicd_wait_rwp();
	mmio_write32(GIC_DIST_BASE + GICD_CTLR, mmio_read32(GIC_DIST_BASE + GICD_CTLR) | GICD_CTLR_ENABLE_GRP1);
	gicd_wait_rwp();

	if (!gicd_enable_spi(intid, mpidr)) {
		return false;
	}

	/* CPU interface: no priority masked, Group 1 signalled. */
	__asm__ volatile("msr S3_0_C4_C6_0, %0\n\t" /* ICC_PMR_EL1 */
			 "msr S3_0_C12_C12_7, %1\n\t" /* ICC_IGRPEN1_EL1 */
			 "isb" ::"r"(0xffULL), "r"(1ULL));
	return true;
}

/*
 * ICC_IAR1_EL1 acknowledges the highest-priority pending Group 1 interrupt
 * even with PSTATE.I set; ICC_EOIR1_EL1 (EOImode 0) completes it. INTIDs
 * 1020-1023 are the answers for "none".
 */
void gic_complete_pending(void)
{
	uint64_t intid;

	__asm__ volatile("mrs %0, S3_0_C12_C12_0" : "=r"(intid)); /* ICC_IAR1_EL1 */
	if ((intid & 0xffffff) < 1020) {
		__asm__ volatile("msr S3_0_C12_C12_1, %0\n\tisb" ::"r"(intid)); /* ICC_EOIR1_EL1 */
	}
}

#else

bool gic_enable_wakeup(uint32_t intid)
{
	return false;
}

void gic_complete_pending(void)
{
}

#endif
