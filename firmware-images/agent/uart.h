/*
 * Polled PL011 UART driver.
 */

#pragma once

#include "common/types.h"

void uart_init(void);
void uart_putc(char c);
void uart_write(const char *buf, uint32_t len);
uint8_t uart_getc(void);
