/*
 * Polled PL011 UART driver.
 *
 * The agent never takes interrupts, so both directions wait on the flag
 * register. The base address and the divisor inputs come from the Makefile
 * so that a port to another board only changes build variables. A build with
 * UART_WAIT_IRQ (QEMU virt) sleeps in WFI while the receive FIFO is empty,
 * woken by the UART's receive interrupt pending at the GIC (still masked at
 * the PE): under an emulator, a poll loop is an emulated device access per
 * iteration and keeps a host core busy while the bytes it waits for have to
 * be delivered by another host thread. The Xen guest build (UART_IRQ_ACK)
 * sleeps the same way on Xen's virtual GIC and UART, so that Xen can block
 * the vCPU instead of rescheduling it on every poll.
 */

#include "uart.h"

#include "gic.h"

#ifndef UART_BASE
#error "UART_BASE must be defined by the build"
#endif

#ifndef UART_CLOCK_HZ
#define UART_CLOCK_HZ 0
#endif

#ifndef UART_BAUD
#define UART_BAUD 115200
#endif

#ifndef UART_SBSA
#define UART_SBSA 0
#endif

#ifndef UART_POLL_YIELDS
#define UART_POLL_YIELDS 0
#endif

/*
 * UART_INPUT_ACK=n: after every n bytes of a line read, the agent writes
 * UART_ACK_CHAR, so that a host writing into a small emulated input buffer
 * (Xen's vpl011 holds 32 bytes) sends the next n only once these are taken:
 * pacing in the guest's time, which a stalled emulator cannot squeeze.
 */
#ifndef UART_INPUT_ACK
#define UART_INPUT_ACK 0
#endif
#define UART_ACK_CHAR '~'

#if UART_INPUT_ACK
static uint32_t uart_unacked;
#endif

#ifndef UART_WAIT_IRQ
#define UART_WAIT_IRQ 0
#endif

/*
 * UART_IRQ_ACK: the interrupt controller latches the UART's interrupt as
 * pending once raised (Xen's vpl011 injects it on each new status bit rather
 * than driving a level), so the wait completes it at the GIC when done.
 */
#ifndef UART_IRQ_ACK
#define UART_IRQ_ACK 0
#endif

/* PL011 register offsets (ARM DDI 0183). */
#define UART_DR 0x000
#define UART_ECR 0x004
#define UART_FR 0x018
#define UART_IBRD 0x024
#define UART_FBRD 0x028
#define UART_LCR_H 0x02c
#define UART_CR 0x030
#define UART_IMSC 0x038
#define UART_ICR 0x044

#define UART_FR_BUSY (1U << 3)
#define UART_FR_RXFE (1U << 4)
#define UART_FR_TXFF (1U << 5)

#define UART_DR_ERRORS (0xfU << 8)

#define UART_LCR_H_FEN (1U << 4)
#define UART_LCR_H_WLEN_8 (3U << 5)

#define UART_CR_UARTEN (1U << 0)
#define UART_CR_TXE (1U << 8)
#define UART_CR_RXE (1U << 9)

#define UART_ICR_ALL 0x7ffU

/* Receive and receive time-out interrupts (IMSC, MIS). */
#define UART_INT_RX (1U << 4)
#define UART_INT_RT (1U << 6)

/* Set by uart_init when the GIC can wake the agent from WFI on input. */
static bool uart_wait_irq;

static inline uint32_t uart_reg_read(uint32_t offset)
{
	return *(volatile uint32_t *)(uintptr_t)(UART_BASE + offset);
}

static inline void uart_reg_write(uint32_t offset, uint32_t value)
{
	*(volatile uint32_t *)(uintptr_t)(UART_BASE + offset) = value;
}

/*
 * Program the divisor only when the build says what the reference clock is:
 * with UART_CLOCK_HZ == 0 we keep whatever the firmware configured, which is
 * the only safe choice on a board whose UART clock we do not know.
 */
static void __attribute__((unused)) uart_set_baud(void)
{
	uint64_t div64;

	if (UART_CLOCK_HZ == 0) {
		return;
	}

	/* Divisor 64 * clock / (16 * baud) in 1/64ths, rounded to nearest. */
	div64 = ((uint64_t)UART_CLOCK_HZ * 8 / UART_BAUD + 1) / 2;
	uart_reg_write(UART_IBRD, (uint32_t)(div64 >> 6));
	uart_reg_write(UART_FBRD, (uint32_t)(div64 & 0x3f));
}

void uart_init(void)
{
	/* Let a firmware message still in the transmitter go out first. */
	while ((uart_reg_read(UART_FR) & UART_FR_BUSY) != 0) {
	}

#if UART_SBSA
	/*
	 * An SBSA generic UART (Xen's vpl011) has no control, line or divisor
	 * registers: the hypervisor logs every write to them.
	 */
	uart_reg_write(UART_IMSC, 0);
	uart_reg_write(UART_ICR, UART_ICR_ALL);
#else
	uart_reg_write(UART_CR, 0);
	uart_reg_write(UART_IMSC, 0);
	uart_reg_write(UART_ICR, UART_ICR_ALL);
	uart_reg_write(UART_ECR, 0);
	uart_set_baud();

	/* 8N1, FIFOs on. Writing LCR_H also latches IBRD and FBRD. */
	uart_reg_write(UART_LCR_H, UART_LCR_H_WLEN_8 | UART_LCR_H_FEN);
	uart_reg_write(UART_CR, UART_CR_UARTEN | UART_CR_TXE | UART_CR_RXE);
#endif

#if UART_WAIT_IRQ
	uart_wait_irq = gic_enable_wakeup(UART_IRQ);
#endif
}

/*
 * Sleeps until the receive FIFO holds a byte. The UART raises its interrupt
 * only during the wait (IMSC), so outside it nothing is ever pending and a
 * command's own WFI (PSCI CPU_SUSPEND) behaves as without this wait. The
 * interrupt is level-sensitive and never acknowledged: it is pending exactly
 * while the FIFO holds data, so a byte arriving between the check and the
 * WFI makes the WFI return at once. Under Xen (UART_IRQ_ACK) the virtual GIC
 * keeps it pending until acknowledged, which the wait does on its way out; a
 * completion that comes too early only makes a later wait return at once,
 * and the loop checks the FIFO again.
 */
static void uart_wait_rx(void)
{
	uart_reg_write(UART_IMSC, UART_INT_RX | UART_INT_RT);
	while ((uart_reg_read(UART_FR) & UART_FR_RXFE) != 0) {
		__asm__ volatile("dsb sy\n\twfi" ::: "memory");
	}
	uart_reg_write(UART_IMSC, 0);
#if UART_IRQ_ACK
	gic_complete_pending();
#endif
}

void uart_putc(char c)
{
	while ((uart_reg_read(UART_FR) & UART_FR_TXFF) != 0) {
	}
	uart_reg_write(UART_DR, (uint8_t)c);
}

void uart_write(const char *buf, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < len; i++) {
		uart_putc(buf[i]);
	}
}

/*
 * A character received with a framing, parity, break or overrun error is
 * still passed on: the line's CRC will reject it, and the host then learns
 * the sequence number it should retransmit.
 */
uint8_t uart_getc(void)
{
	uint32_t data;

	if (uart_wait_irq && (uart_reg_read(UART_FR) & UART_FR_RXFE) != 0) {
		uart_wait_rx();
	}

	while ((uart_reg_read(UART_FR) & UART_FR_RXFE) != 0) {
#if UART_POLL_YIELDS
		/*
		 * A hypervisor traps WFE and runs another vCPU: a guest waiting for
		 * input leaves the physical CPU to the guest that has work.
		 */
		__asm__ volatile("wfe");
#endif
	}

	data = uart_reg_read(UART_DR);
	if ((data & UART_DR_ERRORS) != 0) {
		uart_reg_write(UART_ECR, 0);
	}
#if UART_INPUT_ACK
	/* A line end starts the count again: the host counts per line too. */
	if ((uint8_t)data == '\n' || (uint8_t)data == '\r') {
		uart_unacked = 0;
	} else if (++uart_unacked == UART_INPUT_ACK) {
		uart_unacked = 0;
		uart_putc(UART_ACK_CHAR);
	}
#endif

	return (uint8_t)data;
}
