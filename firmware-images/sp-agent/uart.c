/*
 * Transmit-only PL011 output. The UART is shared with the firmware and the
 * normal-world agent, so the SP agent writes only whole lines, at boot and
 * on panic, and waits a bounded time for FIFO space.
 */

#include "uart.h"

#ifndef UART_BASE
#error "UART_BASE must be defined by the build"
#endif

/* PL011 registers (ARM DDI 0183): data, and flags with "TX FIFO full". */
#define SP_UART_DR 0x000
#define SP_UART_FR 0x018
#define SP_UART_FR_TXFF (1U << 5)

/* Bounds the wait for FIFO space; past it the character is dropped. */
#define SP_UART_WAIT_MAX 1000000U

static inline uint32_t sp_uart_read(uint32_t offset)
{
	return *(volatile uint32_t *)(uintptr_t)(UART_BASE + offset);
}

static inline void sp_uart_write(uint32_t offset, uint32_t value)
{
	*(volatile uint32_t *)(uintptr_t)(UART_BASE + offset) = value;
}

static void sp_uart_putc(char c)
{
	uint32_t i;

	for (i = 0; i < SP_UART_WAIT_MAX; i++) {
		if ((sp_uart_read(SP_UART_FR) & SP_UART_FR_TXFF) == 0) {
			sp_uart_write(SP_UART_DR, (uint8_t)c);
			return;
		}
	}
}

/* Strings are the agent's own literals; 256 bounds a corrupted one. */
void sp_uart_puts(const char *str)
{
	uint32_t i;

	for (i = 0; i < 256 && str[i] != '\0'; i++) {
		sp_uart_putc(str[i]);
	}
}

/* Lower-case hex with 0x and no leading zeros, as TF-A's log prints it. */
void sp_uart_put_hex(uint64_t value)
{
	static const char digits[] = "0123456789abcdef";
	uint32_t shift = 60;

	sp_uart_puts("0x");
	while (shift > 0 && ((value >> shift) & 0xf) == 0) {
		shift -= 4;
	}
	for (;;) {
		sp_uart_putc(digits[(value >> shift) & 0xf]);
		if (shift == 0) {
			break;
		}
		shift -= 4;
	}
}
