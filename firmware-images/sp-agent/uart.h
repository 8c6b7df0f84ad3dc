/*
 * Transmit-only PL011 output for the SP agent's two console lines (ready
 * and panic). The firmware has set the UART up; the agent never reads it,
 * and its commands and results travel in FF-A messages, not on the console.
 */

#pragma once

#include "common/types.h"

void sp_uart_puts(const char *str);
void sp_uart_put_hex(uint64_t value);
